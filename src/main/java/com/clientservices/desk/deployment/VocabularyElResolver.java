package com.clientservices.desk.deployment;

import com.clientservices.desk.deployment.Vocabulary.EngineObject;
import java.beans.FeatureDescriptor;
import java.util.Iterator;
import org.camunda.bpm.impl.juel.jakarta.el.BeanELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.ELContext;
import org.camunda.bpm.impl.juel.jakarta.el.ELException;
import org.camunda.bpm.impl.juel.jakarta.el.ELResolver;
import org.springframework.context.ApplicationContext;

/**
 * Evaluates the models' expressions with the {@link Vocabulary} only, whatever model they come from
 * (one stored before the deployment check, one read back from the database): the desk's beans by
 * name, and on an object only the vocabulary's methods and properties of those beans, the
 * execution, the task and a decision result. Anything else, {@code getClass()} included, fails the
 * expression before it runs. Lists, maps and arrays of variable values are read by the resolvers
 * before this one.
 */
final class VocabularyElResolver extends ELResolver {

    private final ApplicationContext context;
    private final BeanELResolver beans = new BeanELResolver(true);

    VocabularyElResolver(ApplicationContext context) {
        this.context = context;
    }

    /** The desk's beans, by name only, before process variables of the same name. */
    static ELResolver beansByName(ApplicationContext context) {
        return new ELResolver() {
            @Override
            public Object getValue(ELContext elContext, Object base, Object property) {
                if (base == null && property instanceof String name && Vocabulary.isBean(name)) {
                    elContext.setPropertyResolved(true);
                    return context.getBean(name);
                }
                return null;
            }

            @Override
            public void setValue(ELContext elContext, Object base, Object property, Object value) {
                if (base == null && property instanceof String name && Vocabulary.isBean(name)) {
                    throw new ELException("'" + name + "' is one of the desk's beans; an expression cannot replace it");
                }
            }

            @Override
            public boolean isReadOnly(ELContext elContext, Object base, Object property) {
                return true;
            }

            @Override
            public Class<?> getType(ELContext elContext, Object base, Object property) {
                return null;
            }

            @Override
            public Iterator<FeatureDescriptor> getFeatureDescriptors(ELContext elContext, Object base) {
                return null;
            }

            @Override
            public Class<?> getCommonPropertyType(ELContext elContext, Object base) {
                return String.class;
            }
        };
    }

    @Override
    public Object invoke(ELContext elContext, Object base, Object method, Class<?>[] paramTypes, Object[] params) {
        if (base == null) {
            return null;
        }
        var name = String.valueOf(method);
        if (!mayCall(base, name)) {
            throw new ELException("The expression calls " + name + "() on " + describe(base) + ", which is not in the "
                    + "desk's vocabulary (docs/specification.md §8): the models call only the desk's beans "
                    + Vocabulary.beans()
                    + " and " + Vocabulary.engineMembers());
        }
        return beans.invoke(elContext, base, method, paramTypes, params);
    }

    @Override
    public Object getValue(ELContext elContext, Object base, Object property) {
        if (base == null) {
            return null;
        }
        var name = String.valueOf(property);
        if (!mayRead(base, name)) {
            throw new ELException("The expression reads the property '" + name + "' of " + describe(base)
                    + ", which is not in the desk's vocabulary (docs/specification.md §8) "
                    + Vocabulary.engineMembers());
        }
        return beans.getValue(elContext, base, property);
    }

    @Override
    public void setValue(ELContext elContext, Object base, Object property, Object value) {
        if (base != null) {
            throw new ELException("The expression writes the property '" + property + "' of " + describe(base)
                    + "; the desk's models write none");
        }
    }

    @Override
    public boolean isReadOnly(ELContext elContext, Object base, Object property) {
        if (base != null) {
            elContext.setPropertyResolved(true);
        }
        return true;
    }

    @Override
    public Class<?> getType(ELContext elContext, Object base, Object property) {
        return base != null && mayRead(base, String.valueOf(property))
                ? beans.getType(elContext, base, property)
                : null;
    }

    @Override
    public Iterator<FeatureDescriptor> getFeatureDescriptors(ELContext elContext, Object base) {
        return null;
    }

    @Override
    public Class<?> getCommonPropertyType(ELContext elContext, Object base) {
        return base == null ? null : String.class;
    }

    private boolean mayCall(Object base, String method) {
        for (var bean : Vocabulary.beans()) {
            if (Vocabulary.methods(bean).contains(method) && context.getBean(bean) == base) {
                return true;
            }
        }
        return EngineObject.of(base)
                .map(object -> object.methods().containsKey(method))
                .orElse(false);
    }

    private static boolean mayRead(Object base, String property) {
        return EngineObject.of(base)
                .map(object -> object.properties().containsKey(property))
                .orElse(false);
    }

    private String describe(Object base) {
        for (var bean : Vocabulary.beans()) {
            if (context.getBean(bean) == base) {
                return bean;
            }
        }
        return EngineObject.of(base)
                .map(EngineObject::label)
                .orElse("a " + base.getClass().getSimpleName());
    }
}
