package dev.omnichannel.messaging.channel.service;

import dev.omnichannel.messaging.channel.domain.Outgoing;
import dev.omnichannel.messaging.support.MessageChannel;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** E-mail over SMTP (Quarkus Mailer): HTML and text parts of one variant. */
@ApplicationScoped
class EmailSender implements ChannelSender {

    /** Carries the notification id, so bounces and receipts relayed by the e-mail provider can be matched. */
    static final String NOTIFICATION_HEADER = "X-Omnichannel-Notification";

    private final ReactiveMailer mailer;

    EmailSender(ReactiveMailer mailer) {
        this.mailer = mailer;
    }

    @Override
    public MessageChannel channel() {
        return MessageChannel.EMAIL;
    }

    @Override
    public Uni<String> send(Outgoing message) {
        Mail mail = Mail.withHtml(message.to(), message.subject(), message.html())
                .setText(message.text())
                .addHeader(NOTIFICATION_HEADER, message.reference());
        return mailer.send(mail).replaceWith(message.reference());
    }
}
