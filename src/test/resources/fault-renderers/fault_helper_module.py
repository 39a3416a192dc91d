"""A user's own helper module, imported by state_mutator: a warm worker must read it afresh each time."""
counter = 0
