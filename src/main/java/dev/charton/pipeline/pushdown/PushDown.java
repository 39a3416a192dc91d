package dev.charton.pipeline.pushdown;

import dev.charton.input.sql.SqlQuery;
import dev.charton.pipeline.plan.ChartKind;
import dev.charton.pipeline.reduce.ReduceRequest;
import dev.charton.table.TableSource;
import org.apache.arrow.vector.types.pojo.Schema;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Compiles a chart's reduction into the SQL of the engine its table comes from, so the engine
 * sends picture-sized results instead of every row. So far: M4 for lines (docs/plan.md, "Push-down").
 * Every other chart, and a table that is not a query, is reduced in Java as before.
 */
public final class PushDown {
    private PushDown() {
    }

    /** The rows of {@code table} the reduction needs, selected by its engine; empty when it cannot. */
    public static Optional<PushedDown> of(TableSource table, ReduceRequest request, List<String> columns, Schema schema) {
        if (!(table instanceof SqlQuery query) || !linePoints(request)) {
            return Optional.empty();
        }
        return SqlValues.position(query.db().dialect(), request.x(), schema.findField(request.x()).getType())
                .map(position -> {
                    List<String> keys = new ArrayList<>();
                    if (request.color() != null) {
                        keys.add(request.color());
                    }
                    if (request.facet() != null && !Objects.equals(request.facet(), request.color())) {
                        keys.add(request.facet());
                    }
                    String sql = M4Sql.compile(query.db().dialect(), query.text(), columns, position, request.x(),
                            request.y(), keys, request.gridColumns());
                    return new PushedDown(query.withText(sql), M4Sql.ROWS_READ);
                });
    }

    /**
     * A line's M4 points, the one reduction that a subset of the rows gives unchanged: an x column
     * (not the row number, which a query's rows do not have), no aggregate, a linear x axis.
     */
    private static boolean linePoints(ReduceRequest request) {
        return request.kind() == ChartKind.LINE && request.agg() == null && request.x() != null && !request.logX()
                && !request.y().isEmpty();
    }
}
