package io.nurture.process;

import java.io.ByteArrayInputStream;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.variable.serializer.JavaObjectSerializer;
import org.camunda.bpm.engine.impl.variable.serializer.TypedValueSerializer;
import org.camunda.bpm.engine.impl.variable.serializer.VariableSerializers;
import org.camunda.bpm.engine.variable.value.ObjectValue;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.springframework.stereotype.Component;

/**
 * No process variable is ever written with Java serialization, whichever API sets it. Camunda's
 * {@code javaSerializationFormatEnabled=false} only refuses already serialized values sent to the REST API; a Java
 * {@code Map} set through the Java API would still be stored as a serialized object, and reading such bytes back is
 * where deserialization attacks start. Values are strings, numbers, booleans and dates; anything else now fails with
 * "Cannot find serializer". Values stored before stay readable, limited to plain JDK types.
 */
@Component
class NoJavaSerializationPlugin extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setJavaSerializationFormatEnabled(false);
    }

    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        VariableSerializers serializers = configuration.getVariableSerializers();
        TypedValueSerializer<?> java = serializers.getSerializerByName(JavaObjectSerializer.NAME);
        if (java != null) {
            int position = serializers.getSerializerIndex(java);
            serializers.removeSerializer(java);
            serializers.addSerializer(new ReadOnlyJavaSerializer(), position);
        }
    }

    /** Keeps the name {@code serializable}, so old rows still find their reader; never chosen for a new value. */
    static final class ReadOnlyJavaSerializer extends JavaObjectSerializer {

        /** Collections, strings, numbers and dates of the JDK: what a Map or List from JSON could have held. */
        private static final ObjectInputFilter PLAIN_JDK_TYPES = ObjectInputFilter.Config
                .createFilter("java.lang.*;java.util.*;java.time.*;java.math.*;maxdepth=64;maxrefs=100000;!*");

        @Override
        public boolean canHandle(TypedValue value) {
            return false;
        }

        /** Else the engine writes a read object back when its bytes come out different (a map's capacity does). */
        @Override
        public boolean isMutableValue(ObjectValue value) {
            return false;
        }

        @Override
        protected Object deserializeFromByteArray(byte[] bytes, String objectTypeName) throws Exception {
            try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
                in.setObjectInputFilter(PLAIN_JDK_TYPES);
                return in.readObject();
            }
        }
    }
}
