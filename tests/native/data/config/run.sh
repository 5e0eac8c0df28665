#!/bin/sh
# python -X gil=0 app.py   (commented out)
export PYTHON_GIL=0
PYTHON_JIT=1 exec python -Xgil=0 app.py
echo "PYTHON_GIL=$PYTHON_GIL"
python -X jit=0 app.py
exec /usr/bin/python3.14t -m app  # comment: python3.13t
