package org.openspime.scopenode.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class CsvTest {

    @Test
    void fieldsWithSeparatorsQuotesOrLineBreaksAreQuotedWithQuotesDoubled() {
        assertThat(Csv.field("plain text")).isEqualTo("plain text");
        assertThat(Csv.field("a,b")).isEqualTo("\"a,b\"");
        assertThat(Csv.field("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(Csv.field("line\nbreak")).isEqualTo("\"line\nbreak\"");
        assertThat(Csv.field("carriage\rreturn")).isEqualTo("\"carriage\rreturn\"");
        assertThat(Csv.field("")).isEmpty();
    }

    @Test
    void aRecordEndsWithCrlfAndNullsAreEmptyFields() throws Exception {
        StringWriter out = new StringWriter();
        Csv.record(out, Arrays.asList("a", null, 3, "x,y"));
        assertThat(out.toString()).isEqualTo("a,,3,\"x,y\"\r\n");
    }
}
