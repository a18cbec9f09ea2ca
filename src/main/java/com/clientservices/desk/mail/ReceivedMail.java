package com.clientservices.desk.mail;

import java.util.List;

/**
 * One message as the desk reads it from the mailbox: the headers that decide what it is, its text (plain, or
 * HTML turned into plain text) and its files. A message over the size limit carries no text and no files.
 *
 * @param key        its Message-ID, or a hash of sender, date and subject when it has none: what makes it taken once
 * @param from       the sender's address, lower case; null when it has none
 * @param automatic  why it was sent by a machine ({@code Auto-Submitted}, {@code Precedence}, …), or null
 * @param fromDesk   whether the desk itself wrote it (its Message-ID ends in the desk's domain)
 * @param problem    why the desk cannot take it whatever its sender (malformed, nested too deep, a forged sender), or
 *                   null
 */
record ReceivedMail(
        String key,
        String from,
        String subject,
        long size,
        String automatic,
        boolean fromDesk,
        String text,
        List<File> files,
        Problem problem) {

    /** What makes a message unfit to take: a refusal code and its reason, as administrators read them. */
    record Problem(String code, String reason) {}

    /** A file that came with the message, as named by its sender. */
    record File(String name, byte[] content) {}
}
