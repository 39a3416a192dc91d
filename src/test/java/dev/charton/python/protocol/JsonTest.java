package dev.charton.python.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JsonTest {

    @Test
    void parsesAndWritesEveryKindOfValue() throws IOException {
        String text = "{\"s\":\"é\\n\\\"q\\\"\",\"i\":-3,\"big\":123456789012345678901234567890,\"f\":1.5e-3,"
                + "\"t\":true,\"no\":false,\"nil\":null,\"list\":[1,[],{}],\"o\":{\"a\":{\"b\":[null]}}}";
        JsonNode node = Json.parse(text.getBytes(StandardCharsets.UTF_8));
        assertEquals("é\n\"q\"", node.path("s").asText());
        assertEquals(-3, node.path("i").asInt());
        assertEquals(new BigInteger("123456789012345678901234567890"), node.path("big").bigIntegerValue());
        assertEquals(1.5e-3, node.path("f").asDouble());
        assertTrue(node.path("t").asBoolean() && !node.path("no").asBoolean(true) && node.path("nil").isNull());
        assertEquals(3, node.path("list").size());
        assertEquals(node, Json.parse(Json.bytes(node)), "what is written reads back the same");
        assertEquals(text.replace("\\n", "\\n"), Json.text(node).replace("1.5E-3", "1.5e-3").replace("0.0015", "1.5e-3"));
    }

    @Test
    void refusesWhatIsNotOneJsonValue() {
        for (String bad : List.of("", "{", "{\"a\":1} 2", "[1,]", "{'a':1}")) {
            assertThrows(IOException.class, () -> Json.parse(bad.getBytes(StandardCharsets.UTF_8)), bad);
        }
    }
}
