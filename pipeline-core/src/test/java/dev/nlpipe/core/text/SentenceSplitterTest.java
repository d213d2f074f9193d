package dev.nlpipe.core.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.nlpipe.core.doc.Document;
import dev.nlpipe.core.doc.Span;
import dev.nlpipe.core.testing.TokenChecks;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SentenceSplitterTest {

    private static List<String> sentences(String text, Map<String, ?> options) {
        Document d = TokenChecks.run("sentence.split", options, text);
        TokenChecks.assertSentences(d);
        return d.sentences().stream().map(s -> text.substring(s.start(), s.end())).toList();
    }

    private static List<String> sentences(String text) {
        return sentences(text, Map.of());
    }

    @Test
    void chineseTerminators() {
        assertEquals(List.of("今天天气很好。", "我们去公园吧！", "你去吗？", "好；", "走"), sentences("今天天气很好。我们去公园吧！你去吗？好；走"));
    }

    @Test
    void closingQuotesAndRepeatedTerminatorsStayWithTheirSentence() {
        assertEquals(List.of("他说：“你好！”", "然后走了。"), sentences("他说：“你好！”然后走了。"));
        assertEquals(List.of("真的吗？！", "是的……真的。"), sentences("真的吗？！是的……真的。"));
        assertEquals(List.of("「這是什麼？」", "他問。"), sentences("「這是什麼？」他問。"));
    }

    @Test
    void anAbbreviationRightAfterChineseAndTheFullWidthFullStop() {
        assertEquals(List.of("我见了Dr. Smith先生。", "他和J. Smith走了。"), sentences("我见了Dr. Smith先生。他和J. Smith走了。"));
        assertEquals(List.of("该方法有效．", "下一步工作是推广．"), sentences("该方法有效．下一步工作是推广．"));
        assertEquals(List.of("长度为３．５米。"), sentences("长度为３．５米。"), "a full-width decimal point stays");
    }

    @Test
    void englishAbbreviationsInitialsAndDecimalsDoNotSplit() {
        assertEquals(List.of("Dr. Smith paid $3.50 for it.", "Mr. J. R. Jones agreed, i.e. he paid too."),
                sentences("Dr. Smith paid $3.50 for it. Mr. J. R. Jones agreed, i.e. he paid too."));
        assertEquals(List.of("The U.S. economy grew 2.5% in 2001.", "Prices rose."),
                sentences("The U.S. economy grew 2.5% in 2001. Prices rose."));
        assertEquals(List.of("Visit www.example.com today.", "It's free!", "Really?"),
                sentences("Visit www.example.com today. It's free! Really?"));
        assertEquals(List.of("He said \"stop.\"", "Then he left..."), sentences("He said \"stop.\" Then he left..."));
        assertEquals(List.of("It costs approx. 5 dollars."), sentences("It costs approx. 5 dollars.", Map.of("abbreviations", List.of("approx."))));
    }

    @Test
    void aPeriodBeforeALowercaseWordIsNotAnEnd() {
        assertEquals(List.of("See fig. three and the etc. list here."), sentences("See fig. three and the etc. list here."));
    }

    @Test
    void anExclamationQuestionOrQuotedPeriodBeforeALowercaseWordIsNotAnEnd() {
        assertEquals(List.of("He said \"stop.\" and left.", "She yelled \"Run!\" and ran.", "Oh! wow."),
                sentences("He said \"stop.\" and left. She yelled \"Run!\" and ran. Oh! wow."));
        assertEquals(List.of("Is it? yes.", "No!", "Fine?"), sentences("Is it? yes. No! Fine?"));
    }

    @Test
    void builtInAbbreviationsSpeltLikeWordsEndSentencesWhereTheyAreWords() {
        assertEquals(List.of("The answer is no.", "We left.", "I sat in the sun.", "It was hot.", "I love art.", "She did too."),
                sentences("The answer is no. We left. I sat in the sun. It was hot. I love art. She did too."));
        assertEquals(List.of("See No. 5 and Art. 3 of Op. 27.", "Gen. Lee met Col. Mustard in St. Louis."),
                sentences("See No. 5 and Art. 3 of Op. 27. Gen. Lee met Col. Mustard in St. Louis."));
    }

    @Test
    void anOrdinalsPeriodEndsASentence() {
        assertEquals(List.of("He finished 1st.", "Then 2nd.", "Then 3rd.", "Done."), sentences("He finished 1st. Then 2nd. Then 3rd. Done."));
    }

    @Test
    void aListedAbbreviationCountsWhereverItStands() {
        assertEquals(List.of("The answer is no. We left."), sentences("The answer is no. We left.", Map.of("abbreviations", List.of("no"))));
    }

    @Test
    void newlinesEndSentencesUnlessToldOtherwise() {
        String text = "第一行\n第二行\r\n\r\nThird line";
        assertEquals(List.of("第一行", "第二行", "Third line"), sentences(text));
        assertEquals(List.of("第一行\n第二行", "Third line"), sentences(text, Map.of("newlines", false)));
        // a line of U+3000 indentation (or no-break spaces) is blank, and U+2029 separates paragraphs by definition
        assertEquals(List.of("第一章　总则", "第一条"), sentences("第一章　总则\n　　\n第一条", Map.of("newlines", false)));
        assertEquals(List.of("第一段", "第二段"), sentences("第一段\n\u00A0\n第二段", Map.of("newlines", false)));
        assertEquals(List.of("第一段", "第二段"), sentences("第一段\u2029第二段", Map.of("newlines", false)));
        // NEL and the vertical tab end a line as \n does, a form feed (a page of PDF text) always: as the NER taggers end a sequence
        assertEquals(List.of("张伟在北京", "大学工作"), sentences("张伟在北京\u000C大学工作", Map.of("newlines", false)));
        assertEquals(List.of("张伟在北京", "大学工作"), sentences("张伟在北京\u0085大学工作"));
        assertEquals(List.of("张伟在北京", "大学工作"), sentences("张伟在北京\u000B大学工作"));
        assertEquals(List.of("第一行\u0085第二行"), sentences("第一行\u0085第二行", Map.of("newlines", false)));
    }

    @Test
    void mixedChineseAndEnglish() {
        assertEquals(List.of("我在用iPhone 12。", "It works well.", "价格是3.14元！"),
                sentences("我在用iPhone 12。It works well. 价格是3.14元！"));
    }

    @Test
    void degenerateTexts() {
        assertEquals(List.of(), sentences(""));
        assertEquals(List.of(), sentences("  \n\t "));
        assertEquals(List.of("。。。"), sentences("。。。"));
        assertEquals(List.of("😀😀。", "𠀀𠀁"), sentences("😀😀。𠀀𠀁"));
        assertEquals(List.of(new Span(2, 5)), TokenChecks.run("sentence.split", Map.of(), "  abc  ").sentences());
    }
}
