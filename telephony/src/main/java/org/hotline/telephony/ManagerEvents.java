package org.hotline.telephony;

import java.beans.IntrospectionException;
import java.beans.Introspector;
import java.beans.PropertyDescriptor;
import java.lang.reflect.InvocationTargetException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.asteriskjava.manager.event.ManagerEvent;

/**
 * Turns Asterisk-Java's typed events back into the plain field map of {@link AmiEvent}. The library
 * parses AMI into beans with one getter per header; reading them back keeps the rest of the module
 * free of library types and lets unit tests feed recorded event text instead.
 */
final class ManagerEvents {

    private static final Map<Class<?>, List<PropertyDescriptor>> GETTERS = new ConcurrentHashMap<>();

    private ManagerEvents() {
    }

    static AmiEvent toAmiEvent(ManagerEvent event) {
        Map<String, String> fields = new HashMap<>();
        for (PropertyDescriptor property : gettersOf(event.getClass())) {
            Object value = read(property, event);
            if (value != null) {
                fields.put(property.getName().toLowerCase(Locale.ROOT), String.valueOf(value));
            }
        }
        String simpleName = event.getClass().getSimpleName();
        String name = simpleName.endsWith("Event") ? simpleName.substring(0, simpleName.length() - 5) : simpleName;
        return new AmiEvent(name, fields);
    }

    private static List<PropertyDescriptor> gettersOf(Class<?> type) {
        return GETTERS.computeIfAbsent(type, ManagerEvents::introspect);
    }

    private static List<PropertyDescriptor> introspect(Class<?> type) {
        try {
            return Arrays.stream(Introspector.getBeanInfo(type, Object.class).getPropertyDescriptors())
                    .filter(p -> p.getReadMethod() != null && !p.getName().equals("source"))
                    .filter(p -> !Map.class.isAssignableFrom(p.getPropertyType()))
                    .toList();
        } catch (IntrospectionException e) {
            throw new IllegalStateException("cannot read AMI event type " + type.getName(), e);
        }
    }

    private static Object read(PropertyDescriptor property, Object bean) {
        try {
            return property.getReadMethod().invoke(bean);
        } catch (IllegalAccessException | InvocationTargetException e) {
            return null;
        }
    }
}
