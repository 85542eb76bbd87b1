package fr.jalon.notifications;

/** Each channel to its transport: SMTP and the SMS provider when configured, files otherwise (and for letters). */
record RoutingTransport(Transport email, Transport sms, Transport letters) implements Transport {

    @Override
    public void send(Message message) throws Exception {
        switch (message.channel()) {
            case "EMAIL" -> email.send(message);
            case "SMS" -> sms.send(message);
            default -> letters.send(message);
        }
    }
}
