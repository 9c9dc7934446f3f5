package cn.gov.ouhai.approval;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/** Calls started at the same instant, for race tests: each waits until all are ready, then all go. */
public final class AtOnce {

	private AtOnce() {
	}

	/** The answers in the order of the calls; {@code pool} needs a thread for each. */
	public static <T> List<T> call(ExecutorService pool, List<Callable<T>> calls) throws Exception {
		CountDownLatch ready = new CountDownLatch(calls.size());
		CountDownLatch go = new CountDownLatch(1);
		List<Future<T>> futures = new ArrayList<>();
		for (Callable<T> call : calls) {
			futures.add(pool.submit(() -> {
				ready.countDown();
				go.await();
				return call.call();
			}));
		}
		ready.await();
		go.countDown();
		List<T> answers = new ArrayList<>();
		for (Future<T> future : futures) {
			answers.add(future.get());
		}
		return answers;
	}

}
