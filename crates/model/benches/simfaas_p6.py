"""Runs SimFaaS 0.2.2 (pip install simfaas==0.2.2) on scenario P6 and prints
{"requests": N, "seconds": S} as JSON, for crates/model/benches/sim.rs.
Usage: python3 simfaas_p6.py MAX_TIME_SECONDS"""
import json
import sys
import time

from simfaas.ServerlessSimulator import ServerlessSimulator

max_time = float(sys.argv[1]) if len(sys.argv) > 1 else 200000.0
sim = ServerlessSimulator(arrival_rate=0.9, warm_service_rate=1 / 1.991, cold_service_rate=1 / 2.244,
                          expiration_threshold=600, max_time=max_time)
start = time.perf_counter()
sim.generate_trace(debug_print=False, progress=False)
elapsed = time.perf_counter() - start
print(json.dumps({"requests": sim.total_req_count, "cold": sim.total_cold_count, "seconds": elapsed}))
