#!/usr/bin/env python3
"""CreateFunction latency under concurrent clients, against the emulator and moto_server side by side.

    ./mvnw -B package -DskipTests -Dinvoker.skip && benchmarks/emulator/create_concurrency.py [clients] [per-client]

Starts the runnable emulator jar and moto_server on free ports, then each of CLIENTS threads (default 8) creates
PER_CLIENT functions (default 25) with a small zip through boto3, and prints p50, p99 and p99/p50 per server
(the question was why the emulator's p99 was 11x its p50 under 8 clients where moto's was 1.9x).
Needs boto3 and moto_server; timings on a shared machine are noisy: compare the two servers of one run.
"""
import concurrent.futures, glob, io, os, socket, statistics, subprocess, sys, tempfile, time, urllib.request, zipfile
import boto3
from botocore.config import Config

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
CLIENTS = int(sys.argv[1]) if len(sys.argv) > 1 else 8
PER_CLIENT = int(sys.argv[2]) if len(sys.argv) > 2 else 25


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_up(port):
    for _ in range(1000):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=1)
            return
        except urllib.error.HTTPError:
            return
        except OSError:
            time.sleep(0.02)
    raise SystemExit(f"nothing answers on port {port}")


def zip_bytes():
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        z.writestr("index.py", "def handler(event, context):\n    return event\n")
    return out.getvalue()


def measure(name, port):
    client = lambda: boto3.client("lambda", endpoint_url=f"http://127.0.0.1:{port}", region_name="us-east-1",
                                  aws_access_key_id="bench", aws_secret_access_key="bench",
                                  config=Config(retries={"max_attempts": 0}, max_pool_connections=CLIENTS))
    code = zip_bytes()
    clients = [client() for _ in range(CLIENTS)]
    clients[0].create_function(FunctionName="warm-up", Runtime="python3.12", Handler="index.handler",
                               Role="arn:aws:iam::123456789012:role/bench", Code={"ZipFile": code})

    def work(i):
        times = []
        for j in range(PER_CLIENT):
            start = time.perf_counter()
            clients[i].create_function(FunctionName=f"fn-{i}-{j}", Runtime="python3.12", Handler="index.handler",
                                       Role="arn:aws:iam::123456789012:role/bench", Code={"ZipFile": code})
            times.append((time.perf_counter() - start) * 1000)
        return times

    with concurrent.futures.ThreadPoolExecutor(CLIENTS) as pool:
        times = sorted(t for ts in pool.map(work, range(CLIENTS)) for t in ts)
    p50 = statistics.median(times)
    p99 = times[int(len(times) * 0.99) - 1]
    print(f"{name:9} CreateFunction x{len(times)} ({CLIENTS} clients): p50 {p50:7.2f} ms  p99 {p99:7.2f} ms"
          f"  p99/p50 {p99 / p50:5.1f}")


def main():
    jar = glob.glob(os.path.join(ROOT, "target", "lambda-maven-plugin-*-emulator.jar"))
    if not jar:
        raise SystemExit("no emulator jar: ./mvnw -B package -DskipTests -Dinvoker.skip first")
    with tempfile.TemporaryDirectory(dir=os.environ.get("HOME_PARENT")) as home:
        port = free_port()
        emulator = subprocess.Popen(["java", "-jar", jar[0], "--port", str(port), "--home", home],
                                    stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            wait_up(port)
            measure("emulator", port)
        finally:
            emulator.kill()
    port = free_port()
    moto = subprocess.Popen(["moto_server", "-p", str(port)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        wait_up(port)
        boto3.client("iam", endpoint_url=f"http://127.0.0.1:{port}", region_name="us-east-1",
                     aws_access_key_id="bench", aws_secret_access_key="bench").create_role(
            RoleName="bench", AssumeRolePolicyDocument="{}")
        measure("moto", port)
    finally:
        moto.kill()


if __name__ == "__main__":
    main()
