package dev.omnichannel.testing;

/** Where ./omni runs the real servers (see API.md, "Local stack"); overridable by system property. */
public final class LocalStack {

    public static final String KEYCLOAK = System.getProperty("omni.keycloak", "http://localhost:8180");
    public static final String REALM = KEYCLOAK + "/realms/omnichannel";
    public static final String KAFKA = System.getProperty("omni.kafka", "localhost:9092");
    public static final String MAIL_API = System.getProperty("omni.mail-api", "http://localhost:8025");
    public static final String PROVIDERS = System.getProperty("omni.providers", "http://localhost:8026");
    /** Set to "test." for the modules' tests (surefire): their topics are apart from a running suite's. */
    public static final String TOPIC_PREFIX = System.getProperty("omni.kafka.topic-prefix", "");
    public static final String GATEWAY = System.getProperty("omni.gateway", "http://localhost:8080");
    public static final String ZIPKIN = System.getProperty("omni.zipkin", "http://localhost:9411");
    public static final String PROMETHEUS = System.getProperty("omni.prometheus", "http://localhost:9090");
    public static final String CUSTOMER_SERVICE = System.getProperty("omni.customer-service", "http://localhost:8081");
    public static final String INVENTORY_SERVICE = System.getProperty("omni.inventory-service", "http://localhost:8082");
    public static final String MESSAGING_SERVICE = System.getProperty("omni.messaging-service", "http://localhost:8083");

    /** The broker's name of one of the suite's topics ({@code Topics}), with the prefix of this test run. */
    public static String topic(String name) {
        return TOPIC_PREFIX + name;
    }

    private LocalStack() {
    }
}
