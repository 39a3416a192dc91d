package dev.charton.input.parquet;

/** A Parquet column whose type charton cannot hold in Arrow; the reader names the column. */
final class UnsupportedColumnException extends RuntimeException {
    UnsupportedColumnException(String what) {
        super(what);
    }
}
