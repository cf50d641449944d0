#!/usr/bin/env python3
"""refresh_topics_docs.py: re-runs the ```sql blocks of docs/topics.md in the test host
and pastes their real output into the ```output blocks after them (run after
changing sql/lexicons; tests/suites/50-topics.sh checks that they agree)."""
import re, subprocess, sys
p = 'docs/topics.md'
doc = open(p).read()
parts = re.split(r'(```sql\n.*?\n```\n```output\n.*?```\n)', doc, flags=re.S)
sqls = []
for part in parts:
    m = re.match(r'```sql\n(.*?)\n```\n```output\n', part, re.S)
    if m: sqls.append(m.group(1))
script = ''.join('.echo @@%d\n%s\n' % (i, s) for i, s in enumerate(sqls))
out = subprocess.run(['build/release/pthost', '/dev/stdin'], input=script, capture_output=True, text=True).stdout
blocks = re.split(r'^@@\d+\n', out, flags=re.M)[1:]
i = 0
res = []
for part in parts:
    m = re.match(r'```sql\n(.*?)\n```\n```output\n', part, re.S)
    if m:
        res.append('```sql\n%s\n```\n```output\n%s```\n' % (m.group(1), blocks[i]))
        i += 1
    else:
        res.append(part)
open(p, 'w').write(''.join(res))
