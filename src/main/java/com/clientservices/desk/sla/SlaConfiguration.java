package com.clientservices.desk.sla;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Binds {@code desk.sla.*} so that the {@code slaCalendar} bean can be built from it. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SlaCalendarProperties.class)
public class SlaConfiguration {}
