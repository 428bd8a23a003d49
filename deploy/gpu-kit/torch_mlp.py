"""The GPU kit's command objective: the runner's digits `mlp` in PyTorch, on CUDA when there is one.

As a Tuneboard command objective it reads TUNEBOARD_PARAMS and prints one JSON line per epoch (val_accuracy,
val_loss, samples_per_second, cuda). `--standalone` trains once with the defaults and prints one summary line:
the same model's throughput without the runner, to compare with the trials'.
"""
import gzip
import json
import os
import sys
import time

import torch

here = os.path.dirname(os.path.abspath(__file__))
defaults = {"learning_rate": 1e-3, "units": 256, "hidden_layers": 2, "batch_size": 64, "epochs": 10}


def load_digits():
    with gzip.open(os.path.join(here, "datasets", "digits.csv.gz"), "rt") as f:
        rows = [list(map(float, line.split(","))) for line in f if line.strip()]
    data = torch.tensor(rows)
    return data[:, :64] / 16.0, data[:, 64].long()


def main():
    standalone = "--standalone" in sys.argv
    params = dict(defaults)
    if not standalone:
        params.update(json.loads(os.environ.get("TUNEBOARD_PARAMS", "{}")))
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
    torch.manual_seed(int(os.environ.get("TUNEBOARD_SEED", "0")))
    x, y = load_digits()
    order = torch.randperm(len(y))
    cut = int(len(y) * 0.8)
    xt, yt = x[order[:cut]].to(device), y[order[:cut]].to(device)
    xv, yv = x[order[cut:]].to(device), y[order[cut:]].to(device)
    layers, width = [], 64
    for _ in range(int(params["hidden_layers"])):
        layers += [torch.nn.Linear(width, int(params["units"])), torch.nn.ReLU()]
        width = int(params["units"])
    model = torch.nn.Sequential(*layers, torch.nn.Linear(width, 10)).to(device)
    optimiser = torch.optim.Adam(model.parameters(), lr=float(params["learning_rate"]))
    loss_fn = torch.nn.CrossEntropyLoss()
    batch = int(params["batch_size"])
    rates = []
    for epoch in range(1, int(params["epochs"]) + 1):
        if device.type == "cuda":
            torch.cuda.synchronize()
        start = time.perf_counter()
        model.train()
        perm = torch.randperm(len(yt), device=device)
        for i in range(0, len(yt), batch):
            idx = perm[i : i + batch]
            optimiser.zero_grad(set_to_none=True)
            loss_fn(model(xt[idx]), yt[idx]).backward()
            optimiser.step()
        if device.type == "cuda":
            torch.cuda.synchronize()
        rate = len(yt) / (time.perf_counter() - start)
        rates.append(rate)
        model.eval()
        with torch.no_grad():
            logits = model(xv)
            val_loss = loss_fn(logits, yv).item()
            val_accuracy = (logits.argmax(1) == yv).float().mean().item()
        if not standalone:
            print(json.dumps({"step": epoch, "val_accuracy": val_accuracy, "val_loss": val_loss,
                              "samples_per_second": rate, "cuda": 1 if device.type == "cuda" else 0}), flush=True)
    if standalone:
        # The first epoch warms CUDA up; the rest is the steady rate.
        steady = rates[1:] or rates
        print(json.dumps({"device": torch.cuda.get_device_name(0) if device.type == "cuda" else "cpu",
                          "samples_per_second": sum(steady) / len(steady), "val_accuracy": val_accuracy}))


if __name__ == "__main__":
    main()
