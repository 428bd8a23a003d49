"""A command objective as a runner starts it: parameters from tb.params(), curves through tb.report().

With `until_pruned`, it reports a step every 20 ms until the runner stops it (at most 3,000 steps, then exit 3).
"""

import sys
import time

import tuneboard as tb

params = tb.params()
loss = 1.0
steps = 3000 if params.get("until_pruned") else 5
for step in range(steps):
    loss = params["lr"] * (step + 1)
    tb.report(step, loss=loss, accuracy=1 - loss / 100)
    if tb.should_prune():
        print(f"pruned at step {step}", flush=True)
        raise tb.TrialPruned()
    if params.get("until_pruned"):
        time.sleep(0.02)
if params.get("until_pruned"):
    sys.exit(3)
tb.report(final=True, loss=loss)
