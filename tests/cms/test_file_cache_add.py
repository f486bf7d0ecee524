"""The file cache's add() has one winner across processes (cms/cache.py), as in Redis: the PDF
render lock (cms/pdf.py) is taken with it by every worker process of a single-machine site.

Kept free of Django models: the racing processes are started fresh ("spawn") and import only
this module and cms.cache."""

import multiprocessing
import os
import time

from cms.cache import FileBasedCache

PROCESSES = 8
ROUNDS = 40


def race(directory: str, barrier, results) -> None:
    cache = FileBasedCache(directory, {})
    won = []
    for round_number in range(ROUNDS):
        barrier.wait(timeout=60)  # all eight call add() for this key at the same moment
        if cache.add(f"slot-{round_number}", os.getpid(), 60):
            won.append(round_number)
    results.put(won)


def test_eight_processes_racing_add_on_one_key_have_exactly_one_winner(tmp_path):
    directory = str(tmp_path / "cache")
    cache = FileBasedCache(directory, {})
    # Half the keys hold an expired entry, which add() must replace for one process only.
    for round_number in range(0, ROUNDS, 2):
        cache.set(f"slot-{round_number}", "verlopen", 0)

    context = multiprocessing.get_context("spawn")
    barrier, results = context.Barrier(PROCESSES), context.Queue()
    processes = [
        context.Process(target=race, args=(directory, barrier, results)) for _ in range(PROCESSES)
    ]
    for process in processes:
        process.start()
    wins = [results.get(timeout=120) for _ in processes]
    for process in processes:
        process.join(timeout=30)
        assert process.exitcode == 0

    winners_per_round = [sum(round_number in won for won in wins) for round_number in range(ROUNDS)]
    assert winners_per_round == [1] * ROUNDS
    # And the value stored is the winner's.
    pids = {process.pid for process in processes}
    assert all(cache.get(f"slot-{n}") in pids for n in range(ROUNDS))


def test_add_replaces_an_expired_entry_and_keeps_a_live_one(tmp_path):
    cache = FileBasedCache(str(tmp_path / "cache"), {})
    cache.set("verlopen", "oud", 1)
    time.sleep(1.1)
    assert cache.add("verlopen", "nieuw", 60) is True
    assert cache.get("verlopen") == "nieuw"
    assert cache.add("verlopen", "later", 60) is False
    assert cache.get("verlopen") == "nieuw"
    cache.clear()  # the lock file beside the entries is not an entry, and add() still works
    assert cache.add("verlopen", "na legen", 60) is True
