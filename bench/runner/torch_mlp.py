"""PyTorch peer of the runner benchmark: the same MLP (64-128-128-10), batch 64, Adam, on the same digits
training rows, on the CPU with one thread. Prints one JSON line: median samples/s (wall) over the timed epochs,
and samples per CPU-second over them."""
import gzip
import json
import statistics
import sys
import time

import torch

digits_path, epochs, batch_size, train_rows = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
torch.set_num_threads(1)
torch.manual_seed(0)

with gzip.open(digits_path, "rt") as f:
    rows = [list(map(float, line.split(","))) for line in f if line.strip()]
data = torch.tensor(rows, dtype=torch.float32)[:train_rows]
x = data[:, :64]
x = (x - x.mean()) / x.std()
y = data[:, 64].long()

model = torch.nn.Sequential(
    torch.nn.Linear(64, 128), torch.nn.ReLU(),
    torch.nn.Linear(128, 128), torch.nn.ReLU(),
    torch.nn.Linear(128, 10),
)
optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
loss_fn = torch.nn.CrossEntropyLoss()

rates = []
cpu_start = None
for epoch in range(epochs + 1):
    if epoch == 1:
        cpu_start = time.process_time()
    start = time.perf_counter()
    order = torch.randperm(len(x))
    for i in range(0, len(x), batch_size):
        idx = order[i:i + batch_size]
        optimizer.zero_grad(set_to_none=True)
        loss = loss_fn(model(x[idx]), y[idx])
        loss.backward()
        optimizer.step()
    seconds = time.perf_counter() - start
    if epoch > 0:  # the first epoch warms up the allocator and kernels
        rates.append(len(x) / seconds)
cpu_seconds = time.process_time() - cpu_start
print(json.dumps({
    "samples_per_second": statistics.median(rates),
    # Robust to other load on the machine: samples per second of this process's own CPU time.
    "samples_per_cpu_second": epochs * len(x) / cpu_seconds,
    "torch": torch.__version__,
    "final_loss": loss.item(),
}))
