package dk.raaderum.platform.messaging.consumer;

import dk.raaderum.platform.messaging.config.IncomingChannels;

import io.quarkus.arc.InjectableBean;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * This service's Kafka consumers by topic, found at start-up: every method of a CDI bean annotated
 * {@code @Incoming("<channel>")} whose one parameter is a {@link ConsumerRecord}, under the topic its channel reads
 * ({@code mp.messaging.incoming.<channel>.topic}, by default the channel name). A dead-letter re-drive hands a record
 * to the same method the live channel calls, through the bean's contextual reference (so its scope and interceptors
 * apply as in the live path). Each topic is read by one channel in every service (see their application.properties).
 * Built by the first re-drive, not at start-up (a start reads no bean's methods for it).
 */
@ApplicationScoped
public class ConsumerRegistry {

    private static final Logger LOG = Logger.getLogger(ConsumerRegistry.class);

    private final Map<String, KafkaConsumerMethod> byTopic;

    public ConsumerRegistry(BeanManager beanManager, Config config) {
        this.byTopic = find(beanManager, config);
        LOG.debugf("Kafka consumers by topic: %s", byTopic.values());
    }

    /** One consumer method: {@link #process} calls it with a record of {@link #topic}, as its channel does. */
    public record KafkaConsumerMethod(String channel, String topic, Object bean, Method method) {

        public void process(ConsumerRecord<String, String> record) {
            try {
                method.invoke(bean, record);
            } catch (InvocationTargetException e) {
                if (e.getCause() instanceof RuntimeException runtime) {
                    throw runtime;
                }
                if (e.getCause() instanceof Error error) {
                    throw error;
                }
                throw new IllegalStateException(this + " failed: " + e.getCause(), e.getCause());
            } catch (IllegalAccessException e) {
                throw new IllegalStateException("Cannot call " + this, e);
            }
        }

        @Override
        public String toString() {
            return topic + " → " + method.getDeclaringClass().getSimpleName() + "#" + method.getName() + " (channel "
                    + channel + ")";
        }
    }

    public Optional<KafkaConsumerMethod> forTopic(String topic) {
        return Optional.ofNullable(byTopic.get(topic));
    }

    private static Map<String, KafkaConsumerMethod> find(BeanManager beanManager, Config config) {
        Map<String, KafkaConsumerMethod> found = new TreeMap<>();
        for (Bean<?> bean : beanManager.getBeans(Object.class, Any.Literal.INSTANCE)) {
            if (!(bean instanceof InjectableBean<?> injectable) || injectable.getKind() != InjectableBean.Kind.CLASS) {
                continue; // producers and synthetic beans: their bean class is not the consumer's class
            }
            List<Method> methods = consumerMethods(bean.getBeanClass());
            if (methods.isEmpty()) {
                continue;
            }
            Object reference = beanManager.getReference(bean, Object.class, beanManager.createCreationalContext(bean));
            for (Method method : methods) {
                method.setAccessible(true);
                for (Incoming incoming : method.getAnnotationsByType(Incoming.class)) {
                    String channel = incoming.value();
                    String topic = IncomingChannels.topicOf(config, channel);
                    found.put(topic, new KafkaConsumerMethod(channel, topic, reference, method));
                }
            }
        }
        return Map.copyOf(found);
    }

    /**
     * The methods of the class (and its superclasses) that take one ConsumerRecord from an {@code @Incoming} channel;
     * none for a class whose methods cannot be read (a framework bean whose optional dependency is absent).
     */
    private static List<Method> consumerMethods(Class<?> beanClass) {
        try {
            return incomingRecordMethods(beanClass);
        } catch (LinkageError e) {
            LOG.debugf("Methods of %s not readable (%s): not a consumer", beanClass.getName(), e);
            return List.of();
        }
    }

    private static List<Method> incomingRecordMethods(Class<?> beanClass) {
        List<Method> methods = new ArrayList<>();
        for (Class<?> type = beanClass; type != null && type != Object.class; type = type.getSuperclass()) {
            for (Method method : type.getDeclaredMethods()) {
                if (!method.isSynthetic() && method.getAnnotationsByType(Incoming.class).length > 0
                        && method.getParameterCount() == 1 && method.getParameterTypes()[0] == ConsumerRecord.class) {
                    methods.add(method);
                }
            }
        }
        return methods;
    }
}
