package fr.jalon.notifications;

/** Sends rendered messages; throws when the message could not be handed over. */
interface Transport {

    void send(Message message) throws Exception;
}
