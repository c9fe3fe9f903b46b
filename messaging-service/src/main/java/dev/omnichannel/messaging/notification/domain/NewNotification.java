package dev.omnichannel.messaging.notification.domain;

import java.util.Map;

/**
 * A message to send: {@code triggerId} (event id, alert, campaign) makes it once per customer
 * however often the trigger arrives; {@code data} is what the template renders (ids and facts only);
 * {@code targetPath} is where its links lead (storefront path, also the app's deep link).
 */
public record NewNotification(String customerId, String templateKey, String triggerId, Map<String, Object> data,
        String targetPath) {
}
