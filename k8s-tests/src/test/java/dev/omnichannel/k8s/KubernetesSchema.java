package dev.omnichannel.k8s;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Strict, offline schema checks of rendered objects.
 *
 * <p>Built-in kinds are read into their fabric8 model class (the Kubernetes API types) with no
 * scalar coercion: a string where a number or boolean belongs, or the reverse, fails. fabric8
 * keeps fields it does not know in {@code additionalProperties} instead of failing, so every
 * object of the result is walked and any such field is reported. Custom resources are checked
 * against the minimal JSON schemas of crd-schemas/ (pruned from the operators' CRDs, with
 * additionalProperties false).
 */
final class KubernetesSchema {

    private static final Map<String, Class<? extends KubernetesResource>> BUILT_IN = Map.ofEntries(
            Map.entry("v1/Namespace", Namespace.class),
            Map.entry("v1/ServiceAccount", ServiceAccount.class),
            Map.entry("v1/Service", Service.class),
            Map.entry("v1/ConfigMap", ConfigMap.class),
            Map.entry("v1/Secret", Secret.class),
            Map.entry("apps/v1/Deployment", Deployment.class),
            Map.entry("apps/v1/StatefulSet", StatefulSet.class),
            Map.entry("batch/v1/Job", Job.class),
            Map.entry("networking.k8s.io/v1/NetworkPolicy", NetworkPolicy.class),
            Map.entry("networking.k8s.io/v1/Ingress", Ingress.class),
            Map.entry("autoscaling/v2/HorizontalPodAutoscaler", HorizontalPodAutoscaler.class),
            Map.entry("policy/v1/PodDisruptionBudget", PodDisruptionBudget.class));

    private static final ObjectMapper STRICT = strictMapper();
    private static final JsonSchemaFactory SCHEMAS = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private static final Map<String, JsonSchema> CRD_SCHEMAS = new ConcurrentHashMap<>();

    private KubernetesSchema() {
    }

    /** The problems of one object; empty when it is valid. */
    static List<String> problems(JsonNode object) {
        String apiVersion = object.path("apiVersion").asText();
        String kind = object.path("kind").asText();
        Class<? extends KubernetesResource> type = BUILT_IN.get(apiVersion + "/" + kind);
        if (type != null) {
            return builtInProblems(object, type);
        }
        JsonSchema schema = crdSchema(apiVersion, kind);
        if (schema == null) {
            return List.of("no schema for " + apiVersion + " " + kind
                    + ": add its fabric8 class to KubernetesSchema, or its pruned CRD schema to crd-schemas/");
        }
        Set<ValidationMessage> messages = schema.validate(object);
        return messages.stream().map(ValidationMessage::getMessage).sorted().toList();
    }

    static boolean isCustomResource(JsonNode object) {
        return !BUILT_IN.containsKey(object.path("apiVersion").asText() + "/" + object.path("kind").asText());
    }

    private static List<String> builtInProblems(JsonNode object, Class<? extends KubernetesResource> type) {
        Object typed;
        try {
            typed = STRICT.treeToValue(object, type);
        } catch (IOException | IllegalArgumentException e) {
            return List.of(e.getMessage().lines().findFirst().orElse(e.toString()));
        }
        List<String> unknown = new ArrayList<>();
        collectUnknownFields(typed, "", unknown, new IdentityHashMap<>());
        return unknown;
    }

    /** Walks the fabric8 object graph; every non-empty additionalProperties is a field Kubernetes does not have. */
    private static void collectUnknownFields(Object value, String path, List<String> unknown, Map<Object, Boolean> seen) {
        if (value == null || seen.put(value, Boolean.TRUE) != null) {
            return;
        }
        if (value instanceof Map<?, ?> map) {
            map.forEach((key, item) -> collectUnknownFields(item, path + "." + key, unknown, seen));
            return;
        }
        if (value instanceof Collection<?> items) {
            int index = 0;
            for (Object item : items) {
                collectUnknownFields(item, path + "[" + index++ + "]", unknown, seen);
            }
            return;
        }
        if (!value.getClass().getName().startsWith("io.fabric8.")) {
            return;
        }
        for (Class<?> type = value.getClass(); type != null && type != Object.class; type = type.getSuperclass()) {
            for (Field field : type.getDeclaredFields()) {
                if (Modifier.isStatic(field.getModifiers()) || field.getType().isPrimitive() || field.getType().isEnum()) {
                    continue;
                }
                Object fieldValue;
                try {
                    field.setAccessible(true);
                    fieldValue = field.get(value);
                } catch (ReflectiveOperationException | RuntimeException e) {
                    continue;
                }
                if (field.getName().equals("additionalProperties") && fieldValue instanceof Map<?, ?> extra) {
                    extra.keySet().forEach(key -> unknown.add("unknown field " + (path.isEmpty() ? "" : path + ".") + key));
                } else {
                    collectUnknownFields(fieldValue, path.isEmpty() ? field.getName() : path + "." + field.getName(), unknown, seen);
                }
            }
        }
    }

    private static JsonSchema crdSchema(String apiVersion, String kind) {
        String resource = "crd-schemas/" + apiVersion.replace('/', '_') + "_" + kind + ".json";
        return CRD_SCHEMAS.computeIfAbsent(resource, name -> {
            try (InputStream in = KubernetesSchema.class.getClassLoader().getResourceAsStream(name)) {
                return in == null ? null : SCHEMAS.getSchema(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private static ObjectMapper strictMapper() {
        ObjectMapper mapper = JsonMapper.builder()
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .build();
        // The API server refuses `value: 8080` for a string field, and "8080" for an integer one.
        for (LogicalType type : List.of(LogicalType.Textual, LogicalType.Integer, LogicalType.Float, LogicalType.Boolean)) {
            mapper.coercionConfigFor(type)
                    .setCoercion(CoercionInputShape.Integer, type == LogicalType.Integer || type == LogicalType.Float ? CoercionAction.TryConvert : CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, type == LogicalType.Float ? CoercionAction.TryConvert : CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Boolean, type == LogicalType.Boolean ? CoercionAction.TryConvert : CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.String, type == LogicalType.Textual ? CoercionAction.TryConvert : CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.EmptyString, type == LogicalType.Textual ? CoercionAction.TryConvert : CoercionAction.Fail);
        }
        return mapper;
    }
}
