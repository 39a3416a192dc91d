package dev.charton.input.sql;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DatabaseUrlTest {
    @Test
    void passwordParametersAreMasked() {
        DatabaseUrl url = new DatabaseUrl("jdbc:postgresql://db:5432/sales?user=ann&password=s3cret!&ssl=true");
        assertTrue(url.carriesPassword());
        assertEquals("jdbc:postgresql://db:5432/sales?user=ann&password=***&ssl=true", url.masked());
        assertEquals("postgresql://db:5432/sales?user=ann&password=***&ssl=true", url.displayName());
    }

    @Test
    void userInfoPasswordsAreMasked() {
        DatabaseUrl url = new DatabaseUrl("jdbc:trino://ann:hunter22@coordinator:8443/hive");
        assertEquals("jdbc:trino://ann:***@coordinator:8443/hive", url.masked());
    }

    @Test
    void semicolonPropertiesAreMasked() {
        DatabaseUrl url = new DatabaseUrl("jdbc:sqlserver://host;user=ann;Password=abc123;databaseName=x");
        assertEquals("jdbc:sqlserver://host;user=ann;Password=***;databaseName=x", url.masked());
    }

    @Test
    void anEngineMessageEchoingThePasswordIsMasked() {
        DatabaseUrl url = new DatabaseUrl("jdbc:postgresql://db/sales?password=s3cret!");
        assertEquals("login for s3cret failed: ***", url.maskIn("login for s3cret failed: s3cret!"));
    }

    @Test
    void aUrlWithoutPasswordIsShownAsGiven() {
        DatabaseUrl url = new DatabaseUrl("jdbc:postgresql://db:5432/sales?user=ann");
        assertFalse(url.carriesPassword());
        assertEquals("jdbc:postgresql://db:5432/sales?user=ann", url.masked());
        assertEquals("DuckDB", DatabaseUrl.EMBEDDED.displayName());
    }

    @Test
    void dialectsAreToldByTheUrl() {
        assertEquals(SqlDialect.POSTGRESQL, new DatabaseUrl("jdbc:postgresql://h/d").dialect());
        assertEquals(SqlDialect.TRINO, new DatabaseUrl("jdbc:trino://h:8080").dialect());
        assertEquals(SqlDialect.DUCKDB, new DatabaseUrl("jdbc:duckdb:/data/x.db").dialect());
        assertEquals(SqlDialect.ANSI, new DatabaseUrl("jdbc:h2:mem:x").dialect());
        assertEquals("\"we\"\"ird\"", SqlDialect.ANSI.quote("we\"ird"));
    }
}
