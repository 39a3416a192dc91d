def render(table, spec, fmt):
    values = [1, 2, 0]
    return str(values[0] / values[2]).encode(), "text/plain"  # ZeroDivisionError on this line (2)
