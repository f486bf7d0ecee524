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


def run_together(target, directory: str) -> tuple[list, set[int]]:
    """`target(directory, barrier, results)` in PROCESSES fresh processes that wait for each
    other at the barrier; returns what each put in `results`, and the processes' ids."""
    context = multiprocessing.get_context("spawn")
    barrier, results = context.Barrier(PROCESSES), context.Queue()
    processes = [
        context.Process(target=target, args=(directory, barrier, results)) for _ in range(PROCESSES)
    ]
    for process in processes:
        process.start()
    answers = [results.get(timeout=120) for _ in processes]
    for process in processes:
        process.join(timeout=30)
        assert process.exitcode == 0
    return answers, {process.pid for process in processes}


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

    wins, pids = run_together(race, directory)

    winners_per_round = [sum(round_number in won for won in wins) for round_number in range(ROUNDS)]
    assert winners_per_round == [1] * ROUNDS
    # And the value stored is the winner's.
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


INCREMENTS = 50


def count(directory: str, barrier, results) -> None:
    cache = FileBasedCache(directory, {})
    barrier.wait(timeout=60)
    results.put([cache.incr("teller") for _ in range(INCREMENTS)])


def test_eight_processes_counting_lose_no_step_and_keep_the_window(tmp_path):
    """incr() is what the loan form's rate limit counts with (cms/rate_limit.py)."""
    directory = str(tmp_path / "cache")
    cache = FileBasedCache(directory, {})
    cache.add("teller", 0, 3600)
    counted, _ = run_together(count, directory)
    seen = [value for values in counted for value in values]
    # Every step got its own number: none was lost or handed out twice.
    assert sorted(seen) == list(range(1, PROCESSES * INCREMENTS + 1))
    assert cache.get("teller") == PROCESSES * INCREMENTS
    # The hour's window stays (Django's incr would re-store it with the default 300 s).
    with open(cache._key_to_file("teller"), "rb") as file:
        import pickle

        expires = pickle.load(file)  # noqa: S301
    assert expires - time.time() > 3000


def test_incr_of_a_missing_or_expired_counter_raises(tmp_path):
    import pytest

    cache = FileBasedCache(str(tmp_path / "cache"), {})
    with pytest.raises(ValueError):
        cache.incr("nergens")
    cache.set("verlopen", 3, 1)
    time.sleep(1.1)
    with pytest.raises(ValueError):
        cache.incr("verlopen")
