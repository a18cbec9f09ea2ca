package com.clientservices.desk.mail;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The rules by which a reply by e-mail keeps only its own words (docs/specification.md §12). */
class QuotedTextTest {

    @Test
    void theHistoryBelowOnWroteIsRemoved() {
        assertThat(QuotedText.ownWords("Placement 5512.\n\nOn Tue, 1 Dec 2026, Desk <d@x> wrote:\n> Which one?\n"))
                .isEqualTo("Placement 5512.");
    }

    @Test
    void answersWrittenBetweenTheQuotedLinesBelowOnWroteAreKept() {
        assertThat(QuotedText.ownWords("See inline.\n\nOn Tue, 1 Dec 2026, Desk <d@x> wrote:\n"
                        + "> Which placement?\n5512\n> Which browser?\nChrome 120\n> Thanks, Casey\n"))
                .isEqualTo("See inline.\n\n5512\nChrome 120");
        assertThat(QuotedText.ownWords("On Tue, 1 Dec 2026 at 10:30, Client Services Desk\n<d@x> wrote:\n"
                        + "> Which placement?\n\n5512\n\n-- \nAna Example"))
                .isEqualTo("5512");
    }

    @Test
    void aQuoteBelowOnWroteWithNothingWrittenBetweenItsLinesIsRemovedWithWhatFollows() {
        assertThat(QuotedText.ownWords(
                        "Thanks.\n\nOn Tue, 1 Dec 2026, Desk <d@x> wrote:\n> Which one?\n>\n> Casey\n\n"))
                .isEqualTo("Thanks.");
    }

    @Test
    void anOnWroteLineBrokenInTwoStartsTheHistoryToo() {
        assertThat(QuotedText.ownWords("Yes.\nOn Tue, 1 Dec 2026 at 10:30, Client Services Desk\n<d@x> wrote:\nold"))
                .isEqualTo("Yes.");
    }

    @Test
    void aGermanAmSchriebLineStartsTheHistory() {
        assertThat(QuotedText.ownWords("Danke.\nAm Di., 1. Dez. 2026 um 10:30 Uhr schrieb Desk <d@x>:\nalt"))
                .isEqualTo("Danke.");
        assertThat(QuotedText.ownWords("Danke.\nAm Di., 1. Dez. 2026 schrieb:\nalt"))
                .isEqualTo("Danke.");
    }

    @Test
    void anOriginalMessageBlockAndAnOutlookHeaderStartTheHistory() {
        assertThat(QuotedText.ownWords("Done.\n-----Original Message-----\nFrom: Desk"))
                .isEqualTo("Done.");
        assertThat(QuotedText.ownWords("Done.\n\nFrom: Client Services Desk\nSent: Tuesday\nTo: me\nSubject: x"))
                .isEqualTo("Done.");
    }

    @Test
    void aFromLineWithoutSentIsTheCustomersOwnText() {
        assertThat(QuotedText.ownWords("From: our side the tag fires.\nIt still shows blanks."))
                .isEqualTo("From: our side the tag fires.\nIt still shows blanks.");
    }

    @Test
    void theSignatureBelowItsDelimiterIsRemoved() {
        assertThat(QuotedText.ownWords("Still blank.\n-- \nAna Example\nAcme Media"))
                .isEqualTo("Still blank.");
    }

    @Test
    void quotedLinesAreLeftOutWhereverTheyStand() {
        assertThat(QuotedText.ownWords("> Which placement?\n5512\n> And since when?\nSince 10:00"))
                .isEqualTo("5512\nSince 10:00");
    }

    @Test
    void htmlBecomesPlainTextWithoutScriptsStylesOrTags() {
        assertThat(HtmlText.of(
                        "<style>p{}</style><p>A &lt;b&gt; &amp; c</p><script>x()</script><div>d&#233;j&#xE0;</div>"))
                .isEqualTo("A <b> & c\ndéjà");
        assertThat(HtmlText.of("CTR < 5% and > 1%")).isEqualTo("CTR < 5% and > 1%");
    }
}
