package dev.charton.input.parquet;

import org.apache.arrow.vector.complex.StructVector;
import org.apache.parquet.column.Dictionary;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.Converter;
import org.apache.parquet.io.api.GroupConverter;
import org.apache.parquet.io.api.PrimitiveConverter;

import java.util.List;

/**
 * The converters of Parquet groups: structs, lists and maps. Parquet calls {@code start()} and
 * {@code end()} on a group only when it is present, so a missing group is left null in Arrow.
 */
final class GroupConverters {
    private GroupConverters() {
    }

    static final class StructConverter extends GroupConverter implements VectorConverter {
        private final StructVector vector;
        private final List<VectorConverter> children;
        private int index;

        StructConverter(StructVector vector, List<VectorConverter> children) {
            this.vector = vector;
            this.children = children;
        }

        @Override
        public Converter asConverter() {
            return this;
        }

        @Override
        public void open(int index) {
            this.index = index;
        }

        @Override
        public Converter getConverter(int fieldIndex) {
            return children.get(fieldIndex).asConverter();
        }

        @Override
        public void start() {
            vector.setIndexDefined(index);
            for (VectorConverter child : children) {
                child.open(index);
            }
        }

        @Override
        public void end() {
            for (VectorConverter child : children) {
                child.close();
            }
        }
    }

    /** A LIST or MAP group: present means a list (maybe empty) at the parent's index. */
    static final class ListConverter extends GroupConverter implements VectorConverter {
        private final ListCursor cursor;
        private final Converter repeated;
        private int index;

        ListConverter(ListCursor cursor, Converter repeated) {
            this.cursor = cursor;
            this.repeated = repeated;
        }

        @Override
        public Converter asConverter() {
            return this;
        }

        @Override
        public void open(int index) {
            this.index = index;
        }

        @Override
        public Converter getConverter(int fieldIndex) {
            return repeated;
        }

        @Override
        public void start() {
            cursor.begin(index);
        }

        @Override
        public void end() {
            cursor.end();
        }
    }

    /** A repeated field with no LIST group around it: every parent value has a list, maybe empty. */
    static final class BareRepeatedConverter implements VectorConverter {
        private final ListCursor cursor;
        private final Converter repeated;

        BareRepeatedConverter(ListCursor cursor, Converter repeated) {
            this.cursor = cursor;
            this.repeated = repeated;
        }

        @Override
        public Converter asConverter() {
            return repeated;
        }

        @Override
        public void open(int index) {
            cursor.begin(index);
        }

        @Override
        public void close() {
            cursor.end();
        }
    }

    /** The repeated group of a 3-level list: each occurrence is one element slot. */
    static final class WrappedElement extends GroupConverter {
        private final ListCursor cursor;
        private final VectorConverter element;

        WrappedElement(ListCursor cursor, VectorConverter element) {
            this.cursor = cursor;
            this.element = element;
        }

        @Override
        public Converter getConverter(int fieldIndex) {
            return element.asConverter();
        }

        @Override
        public void start() {
            element.open(cursor.nextElement());
        }

        @Override
        public void end() {
            element.close();
        }
    }

    /** The converter for a repeated field that is itself the element: each value is the next element. */
    static Converter repeatedElement(ListCursor cursor, VectorConverter element) {
        Converter converter = element.asConverter();
        if (converter.isPrimitive()) {
            return new RepeatedPrimitive(cursor, element, converter.asPrimitiveConverter());
        }
        return new RepeatedGroup(cursor, element, converter.asGroupConverter());
    }

    private static final class RepeatedGroup extends GroupConverter {
        private final ListCursor cursor;
        private final VectorConverter element;
        private final GroupConverter group;

        RepeatedGroup(ListCursor cursor, VectorConverter element, GroupConverter group) {
            this.cursor = cursor;
            this.element = element;
            this.group = group;
        }

        @Override
        public Converter getConverter(int fieldIndex) {
            return group.getConverter(fieldIndex);
        }

        @Override
        public void start() {
            element.open(cursor.nextElement());
            group.start();
        }

        @Override
        public void end() {
            group.end();
            element.close();
        }
    }

    private static final class RepeatedPrimitive extends PrimitiveConverter {
        private final ListCursor cursor;
        private final VectorConverter element;
        private final PrimitiveConverter sink;

        RepeatedPrimitive(ListCursor cursor, VectorConverter element, PrimitiveConverter sink) {
            this.cursor = cursor;
            this.element = element;
            this.sink = sink;
        }

        private void next() {
            element.open(cursor.nextElement());
        }

        @Override
        public boolean hasDictionarySupport() {
            return sink.hasDictionarySupport();
        }

        @Override
        public void setDictionary(Dictionary dictionary) {
            sink.setDictionary(dictionary);
        }

        @Override
        public void addValueFromDictionary(int dictionaryId) {
            next();
            sink.addValueFromDictionary(dictionaryId);
        }

        @Override
        public void addBinary(Binary value) {
            next();
            sink.addBinary(value);
        }

        @Override
        public void addBoolean(boolean value) {
            next();
            sink.addBoolean(value);
        }

        @Override
        public void addDouble(double value) {
            next();
            sink.addDouble(value);
        }

        @Override
        public void addFloat(float value) {
            next();
            sink.addFloat(value);
        }

        @Override
        public void addInt(int value) {
            next();
            sink.addInt(value);
        }

        @Override
        public void addLong(long value) {
            next();
            sink.addLong(value);
        }
    }
}
