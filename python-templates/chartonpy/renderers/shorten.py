"""Long tick labels shortened the same way on every renderer that shortens them (tick_fit for
matplotlib and seaborn, plotly_ticks for plotly)."""

MAX_LABEL = 24  # characters: longer category labels lose their middle to an ellipsis


def shortened(text):
    """``text`` within MAX_LABEL characters, its start and end kept (labels often differ at the end)."""
    if len(text) <= MAX_LABEL:
        return text
    head = (MAX_LABEL - 1) // 2
    return text[:head] + "…" + text[len(text) - (MAX_LABEL - 1 - head):]
