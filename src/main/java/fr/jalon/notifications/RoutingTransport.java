package fr.jalon.notifications;

/** E-mails to one transport (SMTP when configured), SMS and letters to another (files, for now). */
record RoutingTransport(Transport email, Transport others) implements Transport {

    @Override
    public void send(Message message) throws Exception {
        (message.channel().equals("EMAIL") ? email : others).send(message);
    }
}
