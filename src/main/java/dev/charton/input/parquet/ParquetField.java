package dev.charton.input.parquet;

import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.complex.ListVector;
import org.apache.arrow.vector.complex.StructVector;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.parquet.io.api.Converter;
import org.apache.parquet.schema.GroupType;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.Type;

import java.util.ArrayList;
import java.util.List;

/**
 * One Parquet field seen as an Arrow field: a leaf, a struct, a list (LIST-annotated group or a
 * bare repeated field) or a map. The same node gives the Arrow field and builds the converter that
 * fills it, so the schema and the data can never disagree.
 */
abstract class ParquetField {
    final String name;
    final boolean nullable;

    private ParquetField(String name, boolean nullable) {
        this.name = name;
        this.nullable = nullable;
    }

    abstract Field arrowField();

    abstract VectorConverter converter(FieldVector vector);

    /** Classifies a field as it stands in its parent group. */
    static ParquetField of(Type type) {
        if (type.isRepetition(Type.Repetition.REPEATED)) {
            return new ListField(type.getName(), false, required(type), ListField.Layout.BARE_REPEATED);
        }
        return ofValue(type, type.getName(), type.isRepetition(Type.Repetition.OPTIONAL));
    }

    /** Classifies a field whose repetition the caller has already accounted for. */
    private static ParquetField ofValue(Type type, String name, boolean nullable) {
        if (type.isPrimitive()) {
            return new Leaf(name, nullable, LeafType.of(type.asPrimitiveType()));
        }
        GroupType group = type.asGroupType();
        LogicalTypeAnnotation logical = group.getLogicalTypeAnnotation();
        boolean listLike = logical instanceof LogicalTypeAnnotation.ListLogicalTypeAnnotation
                || logical instanceof LogicalTypeAnnotation.MapLogicalTypeAnnotation
                || logical instanceof LogicalTypeAnnotation.MapKeyValueTypeAnnotation;
        if (listLike && group.getFieldCount() == 1 && group.getType(0).isRepetition(Type.Repetition.REPEATED)) {
            Type repeated = group.getType(0);
            if (!(logical instanceof LogicalTypeAnnotation.ListLogicalTypeAnnotation) && isKeyValue(repeated)) {
                return new ListField(name, nullable, new Struct("entries", false, repeated.asGroupType(), true),
                        ListField.Layout.MAP);
            }
            return listOf(name, nullable, group, repeated);
        }
        return new Struct(name, nullable, group, false);
    }

    /** The backward-compatibility rules of the Parquet LIST spec decide what the element is. */
    private static ParquetField listOf(String name, boolean nullable, GroupType list, Type repeated) {
        boolean repeatedIsElement = repeated.isPrimitive()
                || repeated.asGroupType().getFieldCount() != 1
                || repeated.getName().equals("array")
                || repeated.getName().equals(list.getName() + "_tuple");
        if (repeatedIsElement) {
            return new ListField(name, nullable, required(repeated), ListField.Layout.TWO_LEVEL);
        }
        Type element = repeated.asGroupType().getType(0);
        return new ListField(name, nullable, of(element), ListField.Layout.THREE_LEVEL);
    }

    private static boolean isKeyValue(Type repeated) {
        return !repeated.isPrimitive() && repeated.asGroupType().getFieldCount() == 2
                && repeated.asGroupType().getType(0).isRepetition(Type.Repetition.REQUIRED);
    }

    private static ParquetField required(Type type) {
        return ofValue(type, "element", false);
    }

    static final class Leaf extends ParquetField {
        private final LeafType type;

        Leaf(String name, boolean nullable, LeafType type) {
            super(name, nullable);
            this.type = type;
        }

        @Override
        Field arrowField() {
            return new Field(name, new FieldType(nullable, type.arrowType(), null), null);
        }

        @Override
        VectorConverter converter(FieldVector vector) {
            return type.sinkFactory().apply(vector);
        }
    }

    static final class Struct extends ParquetField {
        private final List<ParquetField> children = new ArrayList<>();

        /** {@code mapEntries} names the two children key and value, as Arrow's map type expects. */
        Struct(String name, boolean nullable, GroupType group, boolean mapEntries) {
            super(name, nullable);
            for (int i = 0; i < group.getFieldCount(); i++) {
                Type child = group.getType(i);
                children.add(mapEntries ? ofValue(child, i == 0 ? "key" : "value", i != 0
                        && !child.isRepetition(Type.Repetition.REQUIRED)) : of(child));
            }
        }

        @Override
        Field arrowField() {
            List<Field> fields = new ArrayList<>();
            children.forEach(c -> fields.add(c.arrowField()));
            return new Field(name, new FieldType(nullable, ArrowType.Struct.INSTANCE, null), fields);
        }

        @Override
        VectorConverter converter(FieldVector vector) {
            StructVector struct = (StructVector) vector;
            List<VectorConverter> converters = new ArrayList<>();
            for (int i = 0; i < children.size(); i++) {
                converters.add(children.get(i).converter((FieldVector) struct.getChildByOrdinal(i)));
            }
            return new GroupConverters.StructConverter(struct, converters);
        }
    }

    /** A list in Arrow: a LIST group (3- or 2-level), a MAP group, or a repeated field with no group around it. */
    static final class ListField extends ParquetField {
        enum Layout {
            /** The repeated group holds the element. */
            THREE_LEVEL,
            /** The repeated field is itself the element (legacy writers). */
            TWO_LEVEL,
            /** The repeated group is the key/value entry. */
            MAP,
            /** A repeated field outside any LIST group: never null, possibly empty. */
            BARE_REPEATED
        }

        private final ParquetField element;
        private final Layout layout;

        ListField(String name, boolean nullable, ParquetField element, Layout layout) {
            super(name, nullable);
            this.element = element;
            this.layout = layout;
        }

        @Override
        Field arrowField() {
            ArrowType type = layout == Layout.MAP ? new ArrowType.Map(false) : ArrowType.List.INSTANCE;
            return new Field(name, new FieldType(nullable, type, null), List.of(element.arrowField()));
        }

        @Override
        VectorConverter converter(FieldVector vector) {
            ListVector list = (ListVector) vector;
            ListCursor cursor = new ListCursor(list);
            VectorConverter elementConverter = element.converter(list.getDataVector());
            Converter repeated = layout == Layout.THREE_LEVEL
                    ? new GroupConverters.WrappedElement(cursor, elementConverter)
                    : GroupConverters.repeatedElement(cursor, elementConverter);
            return layout == Layout.BARE_REPEATED
                    ? new GroupConverters.BareRepeatedConverter(cursor, repeated)
                    : new GroupConverters.ListConverter(cursor, repeated);
        }
    }
}
