/**
 * The platform's notion of now: the engine clock (so tests move time for engine and platform
 * alike) read in Beijing time, the zone the law counts days in.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package cn.gov.ouhai.approval.clock;
