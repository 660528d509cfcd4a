package nl.wederkerig.core.harness;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Compares two objects field by field, as deep as needed: values that define their own equality
 * (records, ids, money, enums, strings) by it, collections element by element in iteration order,
 * maps by key, and any other object by its fields. Far cheaper than a general recursive comparison,
 * which matters when a property compares every aggregate of every run.
 */
final class SameState {

    /** Deep enough for any aggregate here; a deeper graph means something unexpected is held. */
    private static final int MAX_DEPTH = 12;

    private SameState() {
    }

    /** The path of the first difference, if any. */
    static Optional<String> difference(Object a, Object b) {
        return difference(a, b, "", 0);
    }

    private static Optional<String> difference(Object a, Object b, String path, int depth) {
        if (a == b) {
            return Optional.empty();
        }
        if (a == null || b == null || a.getClass() != b.getClass()) {
            return Optional.of(path + ": " + a + " <> " + b);
        }
        if (depth > MAX_DEPTH) {
            throw new IllegalStateException("state deeper than " + MAX_DEPTH + " at " + path);
        }
        if (a instanceof Map<?, ?> m) {
            return maps(m, (Map<?, ?>) b, path, depth);
        }
        if (a instanceof Collection<?> c) {
            return collections(c, (Collection<?>) b, path, depth);
        }
        if (definesEquality(a.getClass())) {
            return a.equals(b) ? Optional.empty() : Optional.of(path + ": " + a + " <> " + b);
        }
        return fields(a, b, path, depth);
    }

    private static Optional<String> maps(Map<?, ?> a, Map<?, ?> b, String path, int depth) {
        if (!a.keySet().equals(b.keySet())) {
            return Optional.of(path + " keys: " + a.keySet() + " <> " + b.keySet());
        }
        for (Map.Entry<?, ?> entry : a.entrySet()) {
            Optional<String> found = difference(entry.getValue(), b.get(entry.getKey()), path + "[" + entry.getKey() + "]", depth + 1);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    private static Optional<String> collections(Collection<?> a, Collection<?> b, String path, int depth) {
        if (a.size() != b.size()) {
            return Optional.of(path + " size: " + a.size() + " <> " + b.size());
        }
        Iterator<?> other = b.iterator();
        int index = 0;
        for (Object element : a) {
            Optional<String> found = difference(element, other.next(), path + "[" + index++ + "]", depth + 1);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    private static Optional<String> fields(Object a, Object b, String path, int depth) {
        for (Field field : instanceFields(a.getClass())) {
            try {
                Optional<String> found = difference(field.get(a), field.get(b), path + "." + field.getName(), depth + 1);
                if (found.isPresent()) {
                    return found;
                }
            } catch (IllegalAccessException e) {
                throw new IllegalStateException("cannot read " + field, e);
            }
        }
        return Optional.empty();
    }

    private static List<Field> instanceFields(Class<?> type) {
        List<Field> fields = new ArrayList<>();
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                if (!Modifier.isStatic(field.getModifiers())) {
                    field.setAccessible(true);
                    fields.add(field);
                }
            }
        }
        return fields;
    }

    private static boolean definesEquality(Class<?> type) {
        if (type.isEnum() || type.isRecord() || type.isPrimitive() || Number.class.isAssignableFrom(type)
                || type == String.class || type == Boolean.class || type == Character.class) {
            return true;
        }
        try {
            return type.getMethod("equals", Object.class).getDeclaringClass() != Object.class;
        } catch (NoSuchMethodException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
