"""Optuna peer for `npm run bench:samplers`: runs Optuna's Random, TPE and CMA-ES samplers on the same
objectives (formulas mirrored from objectives.ts, checked against them on sample points) and prints JSON.

With "mode": "async" in the input, runs the asynchronous mode instead (see `run_async`).

Input (argv[1], a JSON file): {"objectives": [{"name", "space", "checkPoints"}], "seeds", "budget",
"latencyAt": [100, 1000]}. Output (stdout): {"check": {...}, "best": {sampler: {objective: [[best at each
of 1..budget] per seed]}}, "latencyMs": {sampler: {n: {"median", "cpu"} ms}}, "version": "..."}. Progress goes to stderr.
"""
import json
import math
import random
import sys
import time
import warnings

import optuna

optuna.logging.set_verbosity(optuna.logging.ERROR)
warnings.filterwarnings("ignore")

ALPHA = [1.0, 1.2, 3.0, 3.2]
A = [[10, 3, 17, 3.5, 1.7, 8], [0.05, 10, 17, 0.1, 8, 14], [3, 3.5, 1.7, 10, 17, 8], [17, 8, 0.05, 10, 0.1, 14]]
P = [[v * 1e-4 for v in row] for row in [[1312, 1696, 5569, 124, 8283, 5886], [2329, 4135, 8307, 3736, 1004, 9991],
                                         [2348, 1451, 3522, 2883, 3047, 6650], [4047, 8828, 8732, 5743, 1091, 381]]]
ACT = {"gelu": 0, "relu": 0.3, "tanh": 0.8, "sigmoid": 1.5}


def branin(p):
    x1, x2 = p["x0"], p["x1"]
    b, c = 5.1 / (4 * math.pi ** 2), 5 / math.pi
    return (x2 - b * x1 ** 2 + c * x1 - 6) ** 2 + 10 * (1 - 1 / (8 * math.pi)) * math.cos(x1) + 10


def rosenbrock(p):
    return sum(100 * (p[f"x{i + 1}"] - p[f"x{i}"] ** 2) ** 2 + (1 - p[f"x{i}"]) ** 2 for i in range(3))


def hartmann(p):
    return -sum(ALPHA[i] * math.exp(-sum(A[i][j] * (p[f"x{j}"] - P[i][j]) ** 2 for j in range(6))) for i in range(4))


def mixed(p):
    layers = p["layers"]
    return ((math.log10(p["learningRate"]) + 2.5) ** 2 + 0.15 * (layers - 3) ** 2 + ((p["width"] - 208) / 128) ** 2
            + ACT[p["activation"]] + 4 * (p["dropout"] - 0.2) ** 2
            + (0.5 * abs(layers - 3) if p["activation"] == "sigmoid" else 0))


def zdt(p, shape):
    x = [p[f"x{i}"] for i in range(6)]
    g = 1 + 9 * sum(x[1:]) / 5
    return [x[0], g * (1 - shape(x[0] / g))]


def loss_vs_size(p):
    return [mixed(p), p["layers"] * p["width"] / 4096]


MULTI = {"zdt1-6": lambda p: zdt(p, math.sqrt), "zdt2-6": lambda p: zdt(p, lambda r: r * r), "loss-vs-size": loss_vs_size}

MULTI_SAMPLERS = {
    "nsga2": lambda seed: optuna.samplers.NSGAIISampler(seed=seed),
    "motpe": lambda seed: optuna.samplers.TPESampler(seed=seed),
}

# Held-out problems (bench/samplers/held-out.ts): the defaults were not tuned on these.
SHEKEL_BETA = [b / 10 for b in [1, 2, 2, 4, 4, 6, 3, 7, 5, 5]]
SHEKEL_C = [[4, 1, 8, 6, 3, 2, 5, 8, 6, 7], [4, 1, 8, 6, 7, 9, 3, 1, 2, 3.6], [4, 1, 8, 6, 3, 2, 5, 8, 6, 7],
            [4, 1, 8, 6, 7, 9, 3, 1, 2, 3.6]]
H3_ALPHA = [1.0, 1.2, 3.0, 3.2]
H3_A = [[3, 10, 30], [0.1, 10, 35], [3, 10, 30], [0.1, 10, 35]]
H3_P = [[v * 1e-4 for v in r] for r in [[3689, 1170, 2673], [4699, 4387, 7470], [1091, 8732, 5547], [381, 5743, 8828]]]


def vec(p, d):
    return [p[f"x{i}"] for i in range(d)]


def griewank(p):
    x = vec(p, 4)
    prod = 1.0
    for i, v in enumerate(x):
        prod *= math.cos(v / math.sqrt(i + 1))
    return sum(v * v / 4000 for v in x) - prod + 1


def michalewicz(p):
    s = 0.0
    for i, x in enumerate(vec(p, 5)):
        s += math.sin(x) * math.sin((i + 1) * x * x / math.pi) ** 20
    return -s


def shekel(p):
    x = vec(p, 4)
    s = 0.0
    for i in range(10):
        inner = SHEKEL_BETA[i]
        for j in range(4):
            inner += (x[j] - SHEKEL_C[j][i]) ** 2
        s -= 1 / inner
    return s


def camel(p):
    a, b = p["x0"], p["x1"]
    return (4 - 2.1 * a * a + a ** 4 / 3) * a * a + a * b + (-4 + 4 * b * b) * b * b


def hartmann3(p):
    x = vec(p, 3)
    s = 0.0
    for i in range(4):
        inner = 0.0
        for j in range(3):
            inner += H3_A[i][j] * (x[j] - H3_P[i][j]) ** 2
        s += H3_ALPHA[i] * math.exp(-inner)
    return -s


def conditional_nn(p):
    sgd = p["optimizer"] == "sgd"
    lr = (math.log10(p["learningRate"]) + (1.5 if sgd else 3)) ** 2
    opt = 2 * (p["momentum"] - 0.9) ** 2 + 0.1 if sgd else 20 * (p["beta1"] - 0.9) ** 2
    return lr + opt + 0.2 * (p["layers"] - 3) ** 2 + 4 * (p["dropout"] - 0.1) ** 2


# Conditional problems to decide on (bench/samplers/conditional.ts).
def cond_schedule(p):
    lr = math.log10(p["learningRate"])
    if p["schedule"] == "constant":
        s = 0.5 + (lr + 2.5) ** 2
    elif p["schedule"] == "step":
        s = 0.15 + (lr + 1.5) ** 2 + 2 * (p["gamma"] - 0.3) ** 2 + 0.002 * (p["stepEpochs"] - 10) ** 2
    else:
        s = (lr + 1.8) ** 2 + 5 * (p["warmup"] - 0.1) ** 2
    return s + 0.3 * (math.log10(p["weightDecay"]) + 4) ** 2 + 0.1 * (math.log2(p["batchSize"]) - 7) ** 2


def cond_branches(p):
    if p["model"] == "a":
        v = styblinski({"x0": p["a1"], "x1": p["a2"], "x2": p["a3"]}) / 30
    elif p["model"] == "b":
        v = -3.6 + (branin({"x0": p["b1"], "x1": p["b2"]}) - 0.397887) / 10
    else:
        v = -3 + (p["c1"] - 0.3) ** 2
    return v + 2 * (p["s"] - 0.7) ** 2


def cond_arch(p):
    lr = math.log10(p["learningRate"])
    dropout = p["dropout"]
    if p["arch"] == "mlp":
        return (0.3 + 0.05 * (math.log2(p["units"]) - 8) ** 2 + 0.1 * (p["depth"] - 3) ** 2 + (lr + 3) ** 2
                + 3 * (dropout - 0.3) ** 2)
    kernel = {"k3": 0.1, "k5": 0, "k7": 0.2}[p["kernel"]]
    pooling = {"max": 0, "avg": 0.05, "none": 0.3}[p["pooling"]]
    return 0.08 * (math.log2(p["filters"]) - 6) ** 2 + kernel + pooling + (lr + 3.3) ** 2 + 3 * (dropout - 0.2) ** 2


# Test functions of any dimension (the number of parameters) and the wide categorical problems
# (bench/samplers/test-functions.ts), used by the tuned-on, held-out and high-dimensional problems.
def levy(p):
    w = [1 + (x - 1) / 4 for x in vec(p, len(p))]
    s = math.sin(math.pi * w[0]) ** 2
    for i in range(len(w) - 1):
        s += (w[i] - 1) ** 2 * (1 + 10 * math.sin(math.pi * w[i] + 1) ** 2)
    return s + (w[-1] - 1) ** 2 * (1 + math.sin(2 * math.pi * w[-1]) ** 2)


def ackley(p):
    v = vec(p, len(p))
    sq = sum(x * x for x in v) / len(v)
    cs = sum(math.cos(2 * math.pi * x) for x in v) / len(v)
    return -20 * math.exp(-0.2 * math.sqrt(sq)) - math.exp(cs) + 20 + math.e


def styblinski(p):
    return sum(0.5 * (x ** 4 - 16 * x ** 2 + 5 * x) for x in vec(p, len(p)))


def wide_categorical(settings, choices, a, b):
    def f(p):
        k = [choices.index(p[f"c{i}"]) for i in range(settings)]
        s = sum(((a * v + b * i) % len(choices)) / (len(choices) - 1) for i, v in enumerate(k))
        s += sum(0.6 for i in range(settings - 1) if k[i] != k[i + 1])
        return s + (math.log10(p["learningRate"]) + 2.5) ** 2
    return f


def zakharov(p):
    x = vec(p, 6)
    s1 = sum(v * v for v in x)
    s2 = sum(0.5 * (i + 1) * v for i, v in enumerate(x))
    return s1 + s2 ** 2 + s2 ** 4


def dixon_price(p):
    x = vec(p, 4)
    return (x[0] - 1) ** 2 + sum((i + 2) * (2 * v * v - x[i]) ** 2 for i, v in enumerate(x[1:]))


def powell(p):
    a, b, c, d = vec(p, 4)
    return (a + 10 * b) ** 2 + 5 * (c - d) ** 2 + (b - 2 * c) ** 4 + 10 * (a - d) ** 4


def rastrigin(p):
    return 30 + sum(v * v - 10 * math.cos(2 * math.pi * v) for v in vec(p, 3))


def schwefel(p):
    return 418.9828872724338 * 3 - sum(v * math.sin(math.sqrt(abs(v))) for v in vec(p, 3))


BOOSTER = {"gbtree": 0, "dart": 0.1, "gblinear": 0.5}


def boosting(p):
    return ((math.log10(p["learningRate"]) + 1.5) ** 2 + 0.05 * (p["maxDepth"] - 7) ** 2
            + 0.1 * math.log(p["minChildWeight"] / 5) ** 2 + 4 * (p["subsample"] - 0.85) ** 2 + BOOSTER[p["booster"]])


def choice_names(k):
    return [f"v{i}" for i in range(k)]


FUNCTIONS = {"branin": branin, "rosenbrock-4": rosenbrock, "hartmann-6": hartmann, "ackley-5": ackley,
             "styblinski-tang-4": styblinski, "mixed-nn": mixed, "levy-4": levy, "griewank-4": griewank,
             "michalewicz-5": michalewicz, "shekel-10": shekel, "six-hump-camel": camel, "hartmann-3": hartmann3,
             "conditional-nn": conditional_nn, "wide-cat-8": wide_categorical(8, ["a", "b", "c", "d", "e"], 3, 2),
             "levy-16": levy, "ackley-16": ackley, "styblinski-tang-16": styblinski, "levy-32": levy,
             "styblinski-tang-32": styblinski, "branin-in-20": branin,
             "wide-cat-4x20": wide_categorical(4, choice_names(20), 7, 3), "wide-cat-3x40": wide_categorical(3, choice_names(40), 7, 3),
             "cond-schedule": cond_schedule, "cond-branches": cond_branches, "cond-arch": cond_arch,
             "noisy-hartmann-6": hartmann, "noisy-mixed-nn": mixed, "noisy-levy-4": levy,
             "noisy-conditional-nn": conditional_nn, "zakharov-6": zakharov, "dixon-price-4": dixon_price,
             "powell-4": powell, "rastrigin-3": rastrigin, "schwefel-3": schwefel, "boosting-mixed": boosting}


def suggest(trial, space):
    """Parameters in space order; a parameter with `when` only when every named parent took a listed value."""
    out = {}
    for name, s in space.items():
        if any(out.get(parent, object()) not in values for parent, values in s.get("when", {}).items()):
            continue
        if s["type"] == "categorical":
            out[name] = trial.suggest_categorical(name, s["choices"])
        elif s["type"] == "int":
            out[name] = trial.suggest_int(name, s["low"], s["high"], step=s.get("step", 1), log=s.get("log", False))
        else:
            out[name] = trial.suggest_float(name, s["low"], s["high"], step=s.get("step"), log=s.get("log", False))
    return out


def distributions(space):
    d = optuna.distributions
    out = {}
    for name, s in space.items():
        if s["type"] == "categorical":
            out[name] = d.CategoricalDistribution(s["choices"])
        elif s["type"] == "int":
            out[name] = d.IntDistribution(s["low"], s["high"], step=s.get("step", 1), log=s.get("log", False))
        else:
            out[name] = d.FloatDistribution(s["low"], s["high"], step=s.get("step"), log=s.get("log", False))
    return out


SAMPLERS = {
    "random": lambda seed: optuna.samplers.RandomSampler(seed=seed),
    "tpe": lambda seed: optuna.samplers.TPESampler(seed=seed),
    "cmaes": lambda seed: optuna.samplers.CmaEsSampler(seed=seed),
}


def run(cfg):
    out = {"version": optuna.__version__, "check": {}, "best": {}, "latencyMs": {}}
    for o in cfg["objectives"]:
        out["check"][o["name"]] = [FUNCTIONS[o["name"]](p) for p in o["checkPoints"]]
    for sname, make in SAMPLERS.items():
        out["best"][sname] = {}
        for o in cfg["objectives"]:
            f, space = FUNCTIONS[o["name"]], o["space"]
            runs = []
            t0 = time.time()
            for seed in cfg["seeds"]:
                study = optuna.create_study(sampler=make(seed))
                study.optimize(lambda t: f(suggest(t, space)), n_trials=cfg["budget"])
                best, curve = math.inf, []
                for t in study.trials:
                    best = min(best, t.value)
                    curve.append(best)
                runs.append(curve)
            out["best"][sname][o["name"]] = runs
            print(f"optuna {sname:6} {o['name']:18} {len(runs):2} seeds in {time.time() - t0:6.1f} s (seeds {cfg['seeds'][0]}, {cfg['seeds'][1] if len(cfg['seeds']) > 1 else ''}…)", file=sys.stderr, flush=True)
    # Multi-objective problems: every trial's values, the hypervolume is computed on the TypeScript side.
    out["multi"], out["multiCheck"] = {}, {}
    for o in cfg.get("multi", []):
        out["multiCheck"][o["name"]] = [MULTI[o["name"]](p) for p in o["checkPoints"]]
    for sname, make in MULTI_SAMPLERS.items():
        out["multi"][sname] = {}
        for o in cfg.get("multi", []):
            f, space = MULTI[o["name"]], o["space"]
            runs = []
            t0 = time.time()
            for seed in cfg["multiSeeds"]:
                study = optuna.create_study(sampler=make(seed), directions=["minimize"] * len(o["reference"]))
                study.optimize(lambda t: tuple(f(suggest(t, space))), n_trials=cfg["multiBudget"])
                runs.append([list(t.values) for t in study.trials])
            out["multi"][sname][o["name"]] = runs
            print(f"optuna {sname:6} {o['name']:18} {len(runs):2} seeds in {time.time() - t0:6.1f} s", file=sys.stderr, flush=True)
    # ask() latency with n completed trials already in the study (Hartmann-6).
    if not cfg["latencyAt"]:
        return out
    o = next(o for o in cfg["objectives"] if o["name"] == "hartmann-6")
    dists = distributions(o["space"])
    for sname, make in SAMPLERS.items():
        out["latencyMs"][sname] = {}
        for n in cfg["latencyAt"]:
            study = optuna.create_study(sampler=make(0))
            rs = optuna.samplers.RandomSampler(seed=1)
            warm = optuna.create_study(sampler=rs)
            warm.optimize(lambda t: hartmann(suggest(t, o["space"])), n_trials=n)
            study.add_trials(warm.trials)
            times, cpu = [], []
            for _ in range(cfg.get("latencyRepeats", 9)):
                c0, t0 = time.process_time(), time.perf_counter()
                trial = study.ask(dists)
                times.append((time.perf_counter() - t0) * 1000)
                cpu.append((time.process_time() - c0) * 1000)
                study.tell(trial, state=optuna.trial.TrialState.FAIL)
            times.sort()
            cpu.sort()
            out["latencyMs"][sname][str(n)] = {"median": times[len(times) // 2], "cpu": cpu[len(cpu) // 2]}
        print(f"optuna {sname:6} latency {json.dumps(out['latencyMs'][sname])}", file=sys.stderr, flush=True)
    return out


def run_async(cfg):
    """Asynchronous mode (bench/samplers/async.ts): `runners` trials asked up front, then the oldest running trial
    is told and one trial asked, so every ask sees runners - 1 RUNNING trials; TPESampler(multivariate=True,
    constant_liar=True). Output: {"version", "values": {problem: [[value of each trial in completion order] per seed]}}."""
    out = {"version": optuna.__version__, "values": {}, "check": {}}
    runners, budget = cfg["runners"], cfg["budget"]
    for o in cfg["objectives"]:
        out["check"][o["name"]] = [FUNCTIONS[o["name"]](p) for p in o.get("checkPoints", [])]
    for o in cfg["objectives"]:
        f, space, noise = FUNCTIONS[o["name"]], o["space"], o.get("noise", 0)
        runs, t0 = [], time.time()
        for seed in cfg["seeds"]:
            sampler = optuna.samplers.TPESampler(seed=seed, multivariate=True, constant_liar=True)
            study = optuna.create_study(sampler=sampler)
            running, values, asked = [], [], 0
            # A noisy objective (bench/samplers/noisy.ts): told with Gaussian noise, recorded without.
            rng = random.Random(seed * 7919 + 17)

            def ask():
                # Define-by-run, so conditional parameters appear only under their condition.
                trial = study.ask()
                return trial, suggest(trial, space)

            while asked < min(runners, budget):
                running.append(ask())
                asked += 1
            while running:
                trial, params = running.pop(0)
                value = f(params)
                study.tell(trial, value + noise * rng.gauss(0, 1) if noise else value)
                values.append(value)
                if asked < budget:
                    running.append(ask())
                    asked += 1
            runs.append(values)
        out["values"][o["name"]] = runs
        print(f"optuna tpe-cl async {o['name']:18} {len(runs):2} seeds in {time.time() - t0:6.1f} s", file=sys.stderr, flush=True)
    return out


def serve():
    """`--serve` (bench/samplers/training.ts): Optuna studies asked and told over a pipe, one JSON request per line
    on stdin and one JSON answer per line on stdout, for objectives computed by the caller. Requests: {"op":
    "version"}; {"op": "new", "study", "seed", "space"} (TPESampler(multivariate=True, constant_liar=True));
    {"op": "ask", "study"} -> {"id", "params"}; {"op": "tell", "study", "id", "value"}."""
    studies = {}
    for line in sys.stdin:
        msg = json.loads(line)
        try:
            op = msg["op"]
            if op == "version":
                answer = {"version": optuna.__version__}
            elif op == "new":
                sampler = optuna.samplers.TPESampler(seed=msg["seed"], multivariate=True, constant_liar=True)
                studies[msg["study"]] = {"study": optuna.create_study(sampler=sampler), "space": msg["space"], "running": {}}
                answer = {}
            elif op == "ask":
                state = studies[msg["study"]]
                trial = state["study"].ask()
                params = suggest(trial, state["space"])
                state["running"][trial.number] = trial
                answer = {"id": trial.number, "params": params}
            elif op == "tell":
                state = studies[msg["study"]]
                state["study"].tell(state["running"].pop(msg["id"]), msg["value"])
                answer = {}
            else:
                answer = {"error": f"unknown op {op!r}"}
        except Exception as error:  # the caller reads the reason instead of hanging
            answer = {"error": repr(error)}
        print(json.dumps(answer), flush=True)


if __name__ == "__main__":
    if sys.argv[1] == "--serve":
        serve()
        sys.exit(0)
    with open(sys.argv[1]) as fh:
        config = json.load(fh)
    json.dump(run_async(config) if config.get("mode") == "async" else run(config), sys.stdout)
