#!/usr/bin/env python3
"""The grading script a TA would write, the yardstick of bench/compare-openpyxl.sh.

Reads columns A (step) and C (answer) of every answers.xlsx (openpyxl, read-only) or
answers.csv under SUBS, compares each answer with the student's key.json of the problem set
within 1e-4 + 1e-3*|expected|, and writes grades.csv (student_id, score, max), one point a step.
usage: grade_openpyxl.py SET SUBS OUT.csv [PROCESSES]
"""
import csv, json, os, sys, warnings
from multiprocessing import Pool
import openpyxl

warnings.simplefilter("ignore")
SET = sys.argv[1]

def rows(path):
    if path.endswith(".csv"):
        with open(path, newline="", encoding="utf-8-sig") as f:
            for r in csv.reader(f):
                yield (r[0] if r else None), (r[2] if len(r) > 2 else None)
    else:
        wb = openpyxl.load_workbook(path, read_only=True, data_only=True)
        for a, _, c in wb.active.iter_rows(min_col=1, max_col=3, values_only=True):
            yield a, c
        wb.close()

def grade(path):
    student = os.path.splitext(os.path.basename(path))[0]
    try:
        with open(os.path.join(SET, "key", student, "key.json")) as f:
            key = json.load(f)["steps"]
        answers = dict(rows(path))
    except Exception:
        return student, "", len(key) if "key" in locals() else ""
    score = 0
    for step, b in key.items():
        try:
            a = float(answers.get(step))
            score += abs(a - b) <= 1e-4 + 1e-3 * abs(b)
        except (TypeError, ValueError):
            pass
    return student, score, len(key)

if __name__ == "__main__":
    subs, out = sys.argv[2], sys.argv[3]
    procs = int(sys.argv[4]) if len(sys.argv) > 4 else 1
    files = sorted(os.path.join(subs, n) for n in os.listdir(subs) if n.endswith((".xlsx", ".csv")))
    if procs > 1:
        with Pool(procs) as p:
            results = p.map(grade, files, chunksize=16)
    else:
        results = [grade(f) for f in files]
    with open(out, "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["student_id", "score", "max"])
        w.writerows(results)
