package cn.gov.ouhai.approval.database;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.ibatis.reflection.ReflectionException;
import org.apache.ibatis.reflection.factory.DefaultObjectFactory;

/**
 * Creates the objects the platform's mappers return. MyBatis's own factory looks the constructor up
 * again for every row and, for a type that is not public (most of our row records are package-private,
 * as their mappers are), first calls it, catches the {@code IllegalAccessException} and calls it again
 * made accessible: an exception with its stack trace per row, which was 14% of what a list of 500
 * tasks allocated. This one looks each constructor up once and keeps it accessible.
 */
class RowObjectFactory extends DefaultObjectFactory {

	private static final long serialVersionUID = 1L;

	private final transient Map<Signature, Constructor<?>> constructors = new ConcurrentHashMap<>();

	@Override
	public <T> T create(Class<T> type, List<Class<?>> constructorArgTypes, List<Object> constructorArgs) {
		Class<?> concrete = resolveInterface(type);
		List<Class<?>> argTypes = constructorArgTypes == null ? List.of() : constructorArgTypes;
		Constructor<?> constructor = this.constructors.get(new Signature(concrete, argTypes));
		if (constructor == null) {
			try {
				constructor = concrete.getDeclaredConstructor(argTypes.toArray(Class<?>[]::new));
				constructor.setAccessible(true);
			}
			catch (ReflectiveOperationException | RuntimeException unusual) {
				// no such constructor, or one that may not be opened: MyBatis says so in its own words
				return super.create(type, constructorArgTypes, constructorArgs);
			}
			this.constructors.put(new Signature(concrete, List.copyOf(argTypes)), constructor);
		}
		try {
			return type.cast(constructor.newInstance(constructorArgs == null ? new Object[0] : constructorArgs.toArray()));
		}
		catch (InvocationTargetException failed) {
			throw new ReflectionException("Error instantiating " + concrete + " with " + constructorArgs + ": "
					+ failed.getCause(), failed.getCause());
		}
		catch (ReflectiveOperationException | IllegalArgumentException failed) {
			throw new ReflectionException("Error instantiating " + concrete + " with " + argTypes + " "
					+ constructorArgs + ": " + failed, failed);
		}
	}

	private record Signature(Class<?> type, List<Class<?>> argTypes) {
	}

}
