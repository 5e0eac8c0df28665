"""Recall against real interpreters: import every module of old releases on a real Python and compare
each failure with what ``outmoded check`` reports at the lines of its traceback.

    python benchmarks/realimports.py [--target 3.13] [--only NAME==VER] [--list] [--work DIR]

Each release's sdist is unpacked as ``noise.py`` does (never built, no setup.py runs) and copied into
``--work``; its package folders (at the top, under ``src/``, ``lib/``, ``lib3/`` or ``python3/``) and
top-level modules (those of ``lib3/``, ``python3/`` or ``src/`` before the top's) are imported one module per
process with ``python3.X`` (from ``eval "$(../shared/tools/real-pythons)"``), its folder and those of the
releases it needs (``DEPENDS``) on ``sys.path`` after the standard library, as installed, with a timeout.  This is the benchmark running the code, not outmoded.

Each distinct failure is ``caught`` when outmoded reports a finding (or a file it cannot parse) at a
line of its traceback inside the release (any line of a simple statement that spans lines); ``excluded`` when it is outside outmoded's promise: Python 2
syntax (the file does not compile on pyenv's 3.6 either), a Python 2 standard module (importable from
pyenv's 2.7 standard library), a missing third-party dependency, ``distutils`` in a release that imports
setuptools (which provides it where installed), another platform's module (windll,
kqueue), a shim named as a standard module (future's ``tkinter``, found where the real one is not
built), a fallback failing while it handles such a module's ImportError (easygui's after tkinter), a failure pyenv's 3.8 has too (an import order the package never supported); else a ``miss`` (test data and ``__main__`` modules that run a program show up here too: read
them with ``--list``).  A
module that imports cleanly while an error finding stands on a line its import ran (``sys.monitoring``
of the real interpreter) is counted ``ran``: a finding that may be false, or a behaviour that breaks
later (an import hook registered on a line that runs, a lambda's body).  A failure raised in an ``except``
handler is caught too when what the handler was handling is (invoke 1.2.0's ``try: from .vendor.six.moves
import reduce`` / ``except ImportError: from lexicon import Lexicon``: No module named 'lexicon', after
its vendored six's import hook, reported, served nothing).  A failure raised in a dependency's code
(its last frame outside the standard library) is excluded (that release's own row measures it); one raised while handling the ImportError of a
standard module is never a missing dependency (pydub 0.23.1's ``except ImportError: import pyaudioop``).
"""

from __future__ import annotations

import argparse
import ast
import functools
import json
import os
import re
import shutil
import signal
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from noise import (AST_ERA, FALLBACK_ERA, KINDS_ERA, LATE_ERA, LESS_COMMON, MID_ERA, PINNED_ERA, PLUGIN_ERA,  # noqa: E402
                   RECENT_ERA, SERVICE_ERA, TOOLKIT_ERA, CORNER_ERA, WIDE_ERA, ADDON_ERA, LAPSED_ERA, check,
                   unpacked)

ROOT = Path(__file__).resolve().parent.parent
# old releases (2012-2020) of the OLD list and their era's dependencies; the releases a package needs
DEPENDS = {
    "Babel==2.6.0": ["pytz==2026.6"], "configobj==5.0.6": ["six==1.10.0"],
    "Flask==0.10.1": ["Werkzeug==0.9.6", "Jinja2==2.7.3", "itsdangerous==1.1.0", "MarkupSafe==1.0"],
    "Flask==1.1.4": ["Werkzeug==1.0.1", "Jinja2==2.11.3", "itsdangerous==1.1.0", "click==7.1.2", "MarkupSafe==1.1.1"],
    "html5lib==0.999999999": ["six==1.17.0", "webencodings==0.5.1"], "IMAPClient==1.1.0": ["six==1.17.0"],
    "Jinja2==2.11.3": ["MarkupSafe==1.1.1"], "Jinja2==2.7.3": ["MarkupSafe==1.0"], "kazoo==2.4.0": ["six==1.17.0"],
    "Mako==1.0.7": ["MarkupSafe==1.1.1"], "networkx==1.11": ["decorator==4.3.0"], "Paste==3.2.0": ["six==1.17.0"],
    "PyHamcrest==1.9.0": ["six==1.17.0"], "python-dateutil==2.6.1": ["six==1.17.0"],
    "python-gflags==3.1.2": ["six==1.17.0"], "Routes==2.5.1": ["six==1.17.0"], "websocket-client==0.48.0": ["six==1.17.0"],
    "traceback2==1.4.0": ["linecache2==1.0.0", "six==1.17.0"],
    "unittest2==1.1.0": ["six==1.17.0", "traceback2==1.4.0", "linecache2==1.0.0"], "httpretty==0.9.6": ["six==1.17.0"],
    "trollius==2.2.post1": ["six==1.17.0"], "ldap3==2.5.1": ["pyasn1==0.6.5"],
    "APScheduler==3.5.3": ["six==1.17.0", "pytz==2026.6"],
    "logilab-common==1.4.2": ["six==1.17.0", "setuptools==75.8.0"], "python-memcached==1.59": ["six==1.17.0"],
    "PasteDeploy==2.0.1": ["setuptools==75.8.0"],
    "pymemcache==2.1.1": ["six==1.17.0"], "mechanize==0.4.5": ["html5lib==0.999999999", "six==1.17.0", "webencodings==0.5.1"],
    "textile==3.0.3": ["html5lib==0.999999999", "six==1.17.0", "webencodings==0.5.1"],
    "elasticsearch==6.3.1": ["urllib3==1.26.20"], "odfpy==1.4.0": ["defusedxml==0.7.1"], "rpyc==4.0.2": ["plumbum==1.6.7"],
    "SQLObject==3.7.0": ["FormEncode==2.0.1", "PyDispatcher==2.0.5", "setuptools==75.8.0"],
    "Paver==1.3.4": ["six==1.17.0"], "tlslite-ng==0.7.5": ["ecdsa==0.13"],
    "falcon==1.4.1": ["python-mimeparse==1.6.0", "six==1.17.0"], "dogpile.cache==0.7.1": ["decorator==4.3.0"],
    "Genshi==0.7.3": ["six==1.17.0"],
    # the OLD list's other releases, with their era's dependencies where those are pure Python (misses10)
    **{f: ["Flask==1.1.4", "Werkzeug==1.0.1", "Jinja2==2.11.3", "itsdangerous==1.1.0", "click==7.1.2",
           "MarkupSafe==1.1.1", "six==1.17.0", "WTForms==2.2.1", "SQLAlchemy==1.2.19", "python-dateutil==2.6.1",
           "pytz==2026.6"]
       for f in ("Flask-Script==2.0.6", "Flask-Login==0.4.1", "Flask-Admin==1.5.3", "Flask-RESTful==0.3.6",
                 "Flask-Restless==0.17.0", "Flask-WTF==0.14.2", "Flask-Cors==3.0.7", "Flask-Migrate==2.3.1")},
    "kombu==3.0.37": ["amqp==1.4.9", "anyjson==0.3.3"],
    "celery==3.1.26.post2": ["kombu==3.0.37", "amqp==1.4.9", "anyjson==0.3.3", "billiard==3.3.0.23", "pytz==2026.6"],
    "pytest==3.0.7": ["py==1.4.34"], "rq==0.12.0": ["redis==2.10.6", "click==7.1.2"],
    "mock==2.0.0": ["six==1.17.0", "pbr==5.1.3"], "sure==1.4.11": ["mock==2.0.0", "six==1.17.0", "pbr==5.1.3"],
    "requests-mock==1.5.2": ["requests==2.5.3", "six==1.17.0"], "responses==0.10.6": ["requests==2.5.3", "six==1.17.0"],
    "python-daemon==2.1.2": ["lockfile==0.12.2", "docutils==0.14"],
    "luigi==2.8.3": ["tornado==4.5.3", "python-dateutil==2.6.1", "six==1.17.0", "python-daemon==2.1.2",
                     "lockfile==0.12.2", "docutils==0.14"],
    "oauth2client==4.1.3": ["httplib2==0.9.2", "pyasn1==0.1.9", "six==1.17.0"],
    "testtools==2.3.0": ["six==1.17.0", "pbr==5.1.3", "traceback2==1.4.0", "unittest2==1.1.0", "linecache2==1.0.0"],
    "cliff==2.14.1": ["six==1.17.0", "pbr==5.1.3", "pyparsing==2.2.0", "PyYAML==3.12", "prettytable==0.7.2"],
    "Trac==1.6": ["Jinja2==2.11.3", "MarkupSafe==1.1.1", "Babel==2.6.0", "pytz==2026.6", "setuptools==75.8.0"],
    "bandit==1.5.1": ["PyYAML==3.12", "six==1.17.0"], "vcrpy==2.0.1": ["PyYAML==3.12", "wrapt==1.10.11", "six==1.17.0"],
    "astroid==1.6.6": ["six==1.17.0", "wrapt==1.10.11"], "pylint==1.9.5": ["astroid==1.6.6", "six==1.17.0", "wrapt==1.10.11"],
    "flake8==3.5.0": ["pyflakes==1.6.0"], "supervisor==4.1.0": ["setuptools==75.8.0"],
    "attrdict==2.0.1": ["six==1.17.0"], "multipledispatch==0.6.0": ["six==1.17.0"],
    "sqlalchemy-migrate==0.12.0": ["SQLAlchemy==1.2.19", "decorator==4.3.0", "six==1.17.0", "sqlparse==0.2.4",
                                   "Tempita==0.5.2", "pbr==5.1.3"],
    "hy==0.14.0": ["rply==0.7.7", "funcparserlib==0.3.6", "clint==0.5.1", "astor==0.8.1"],
    "PyContracts==1.8.12": ["pyparsing==2.2.0", "decorator==4.3.0", "six==1.17.0", "future==0.16.0"],
    "typing-inspect==0.5.0": ["mypy_extensions==0.4.3"], "pyupgrade==1.26.2": ["tokenize-rt==3.2.0"],
    # the mid-era releases' (2020-2023, misses11) dependencies of their time, where pure Python
    "feedparser==6.0.10": ["sgmllib3k==1.0.0"], "Babel==2.11.0": ["pytz==2026.6"], "Mako==1.1.6": ["MarkupSafe==1.1.1"],
    "WebTest==2.0.35": ["WebOb==1.8.7", "six==1.17.0", "waitress==2.1.2", "beautifulsoup4==4.11.1", "soupsieve==2.3.2"],
    "docker==5.0.3": ["requests==2.27.1", "urllib3==1.26.20", "idna==3.4", "certifi==2026.10.18",
                      "charset-normalizer==2.0.12", "websocket-client==1.2.3"],
    "python-telegram-bot==13.15": ["tornado==6.1", "APScheduler==3.9.1", "pytz==2026.6", "cachetools==4.2.4",
                                   "certifi==2026.10.18", "six==1.17.0", "tzlocal==2.1", "setuptools==75.8.0"],
    "hbmqtt==0.9.6": ["transitions==0.8.11", "websockets==9.1", "passlib==1.7.4", "docopt==0.6.2", "PyYAML==5.4.1",
                      "six==1.17.0"],
    "autopep8==1.6.0": ["pycodestyle==2.8.0", "toml==0.10.2"], "Genshi==0.7.7": ["six==1.17.0"],
    "Paste==3.5.0": ["six==1.17.0"], "eventlet==0.33.3": ["dnspython==2.2.1", "six==1.17.0"],
    "cassandra-driver==3.25.0": ["six==1.17.0", "geomet==0.2.1.post1", "click==8.0.4"],
    "pytest==7.1.3": ["py==1.11.0", "pluggy==1.0.0", "iniconfig==1.1.1", "attrs==21.4.0", "packaging==21.3",
                      "pyparsing==3.0.9", "tomli==2.0.1"],
    "Sphinx==4.5.0": ["docutils==0.17.1", "Jinja2==3.0.3", "MarkupSafe==2.0.1", "Pygments==2.12.0", "Babel==2.11.0",
                      "pytz==2026.6", "snowballstemmer==2.2.0", "alabaster==0.7.12", "imagesize==1.4.1",
                      "requests==2.27.1", "urllib3==1.26.20", "idna==3.4", "certifi==2026.10.18",
                      "charset-normalizer==2.0.12", "packaging==21.3", "pyparsing==3.0.9"],
    "ipython==7.34.0": ["traitlets==5.1.1", "decorator==5.1.1", "pickleshare==0.7.5", "backcall==0.2.0", "jedi==0.18.2",
                        "parso==0.8.3", "prompt_toolkit==3.0.31", "wcwidth==0.2.5", "Pygments==2.12.0",
                        "pexpect==4.8.0", "ptyprocess==0.7.0"],
    "astroid==2.11.7": ["lazy-object-proxy==1.7.1", "wrapt==1.13.3"],
    "pylint==2.13.9": ["astroid==2.11.7", "lazy-object-proxy==1.7.1", "wrapt==1.13.3", "platformdirs==2.5.2",
                       "isort==5.10.1", "mccabe==0.7.0", "tomli==2.0.1", "dill==0.3.4"],
    "celery==5.2.7": ["kombu==5.2.4", "billiard==3.6.4.0", "vine==5.0.0", "amqp==5.1.1", "click==8.0.4",
                      "click-didyoumean==0.3.0", "click-repl==0.2.0", "click-plugins==1.1.1", "pytz==2026.6",
                      "prompt_toolkit==3.0.31", "wcwidth==0.2.5", "six==1.17.0"],
    "kombu==5.2.4": ["amqp==5.1.1", "vine==5.0.0"], "motor==2.5.1": ["pymongo==3.12.3"],
    "python-daemon==2.3.2": ["lockfile==0.12.2", "docutils==0.17.1"],
    "pendulum==2.1.2": ["python-dateutil==2.8.2", "pytzdata==2020.1", "six==1.17.0"],
    "APScheduler==3.9.1": ["six==1.17.0", "pytz==2026.6", "tzlocal==2.1", "setuptools==75.8.0"],
    "pymodbus==2.5.3": ["six==1.17.0", "pyserial==3.5"], "pysnmp==4.4.12": ["pyasn1==0.4.8", "pysmi==0.3.4", "ply==3.11"],
    "virtualenv==20.16.7": ["distlib==0.3.6", "filelock==3.8.0", "platformdirs==2.5.2"],
    "tox==3.28.0": ["py==1.11.0", "pluggy==1.0.0", "filelock==3.8.0", "packaging==21.3", "pyparsing==3.0.9",
                    "six==1.17.0", "toml==0.10.2", "virtualenv==20.16.7", "distlib==0.3.6", "platformdirs==2.5.2"],
    "jsonschema==3.2.0": ["attrs==21.4.0", "pyrsistent==0.18.1", "six==1.17.0", "setuptools==75.8.0"],
    "gunicorn==20.1.0": ["setuptools==75.8.0"], "Django==3.2.25": ["asgiref==3.5.2", "sqlparse==0.4.3", "pytz==2026.6"],
    "pexpect==4.8.0": ["ptyprocess==0.7.0"], "aioredis==2.0.1": ["async-timeout==4.0.2", "typing-extensions==4.4.0"],
    # 2019-2021 releases of widely used packages on no list, read on the real 3.14 and 3.15 (misses14)
    "aiohttp==3.6.3": ["multidict==5.2.0", "yarl==1.6.3", "async-timeout==3.0.1", "attrs==21.4.0", "chardet==4.0.0",
                       "idna==3.4", "typing-extensions==4.4.0"],
    "kombu==5.0.2": ["amqp==5.1.1", "vine==5.0.0"],
    "celery==5.0.5": ["kombu==5.0.2", "billiard==3.6.4.0", "vine==5.0.0", "amqp==5.1.1", "click==7.1.2",
                      "click-didyoumean==0.3.0", "click-repl==0.2.0", "click-plugins==1.1.1", "pytz==2026.6",
                      "prompt_toolkit==3.0.31", "wcwidth==0.2.5", "six==1.17.0"],
    # zope.interface 4.7.2 raises InvalidInterface: Concrete attribute, __firstlineno__ from 3.13 (its own row):
    # 7.2, which runs there, so that Twisted's modules are read; its sdist's zope/__init__.py needs pkg_resources
    "Twisted==21.2.0": ["zope.interface==7.2", "constantly==15.1.0", "incremental==21.3.0", "Automat==20.2.0",
                        "hyperlink==21.0.0", "attrs==21.4.0", "PyHamcrest==1.9.0", "idna==3.4", "six==1.17.0",
                        "setuptools==75.8.0"],
    "pytest==6.2.5": ["py==1.11.0", "pluggy==0.13.1", "iniconfig==1.1.1", "attrs==21.4.0", "packaging==21.3",
                      "pyparsing==3.0.9", "toml==0.10.2"],
    "hypothesis==5.49.0": ["attrs==21.4.0", "sortedcontainers==2.4.0"],
    "Sphinx==3.5.4": ["docutils==0.16", "Jinja2==2.11.3", "MarkupSafe==1.1.1", "Pygments==2.12.0", "Babel==2.11.0",
                      "pytz==2026.6", "snowballstemmer==2.2.0", "alabaster==0.7.12", "imagesize==1.4.1",
                      "requests==2.27.1", "urllib3==1.26.20", "idna==3.4", "certifi==2026.10.18",
                      "charset-normalizer==2.0.12", "packaging==21.3", "pyparsing==3.0.9"],
    "astroid==2.4.2": ["lazy-object-proxy==1.7.1", "wrapt==1.13.3", "six==1.17.0"],
    "pylint==2.6.0": ["astroid==2.4.2", "lazy-object-proxy==1.7.1", "wrapt==1.13.3", "six==1.17.0", "isort==5.10.1",
                      "mccabe==0.6.1", "toml==0.10.2"],
    "nose2==0.9.2": ["six==1.17.0"], "botocore==1.20.112": ["jmespath==0.10.0", "python-dateutil==2.8.2",
                                                           "urllib3==1.26.20", "six==1.17.0"],
    "astunparse==1.6.3": ["six==1.17.0"],
    # releases of 2018-2021 that real users pin, with their era's pure-Python dependencies (misses15)
    **{f: ["urllib3==1.25.11", "chardet==3.0.4", "idna==2.8", "certifi==2026.10.18"]
           + (["requests==2.22.0", "oauthlib==3.1.0"] if f.startswith("requests-oauthlib") else [])
       for f in ("requests==2.22.0", "requests-oauthlib==1.3.0")},
    **{f: ["botocore==1.20.112", "jmespath==0.10.0", "python-dateutil==2.8.2", "urllib3==1.26.20", "six==1.17.0"]
           + (["s3transfer==0.4.2"] if f.startswith("boto3") else [])
       for f in ("boto3==1.17.112", "s3transfer==0.4.2")},
    "google-api-python-client==1.7.12": ["httplib2==0.18.1", "google-auth==1.11.0", "google-auth-httplib2==0.0.3",
                                         "uritemplate==3.0.1", "six==1.17.0", "cachetools==4.2.4",
                                         "pyasn1-modules==0.2.8", "pyasn1==0.4.8", "rsa==4.0"],
    "alembic==1.4.3": ["SQLAlchemy==1.3.24", "Mako==1.1.6", "MarkupSafe==1.1.1", "python-editor==1.0.4",
                       "python-dateutil==2.8.2", "six==1.17.0"],
    "python-dateutil==2.7.5": ["six==1.17.0"], "networkx==2.4": ["decorator==4.4.2"],
    "celery==4.4.7": ["kombu==4.6.11", "amqp==2.6.1", "vine==1.3.0", "billiard==3.6.4.0", "pytz==2026.6"],
    "kombu==4.6.11": ["amqp==2.6.1", "vine==1.3.0"], "amqp==2.6.1": ["vine==1.3.0"], "sympy==1.5.1": ["mpmath==1.1.0"],
    "flake8==3.7.9": ["pyflakes==2.1.1", "pycodestyle==2.5.0", "mccabe==0.6.1", "entrypoints==0.3"],
    "websocket-client==0.57.0": ["six==1.17.0"],
    **{f: ["multidict==5.2.0", "yarl==1.6.3", "async-timeout==3.0.1", "attrs==21.4.0", "chardet==4.0.0", "idna==3.4",
           "typing-extensions==4.4.0"] + (["aiohttp==3.7.4.post0"] if f.startswith("discord") else [])
       for f in ("aiohttp==3.7.4.post0", "discord.py==1.7.3")},
    # the AST_ERA releases' (2021-2023, misses16) dependencies of their time, where pure Python
    "beniget==0.4.1": ["gast==0.5.4"],
    "bandit==1.7.4": ["PyYAML==5.4.1", "stevedore==3.5.2", "pbr==5.1.3", "GitPython==3.1.27", "gitdb==4.0.9",
                      "smmap==5.0.0", "setuptools==75.8.0"],  # pbr's version lookup imports pkg_resources
    **{f: ["flake8==5.0.4", "pyflakes==2.5.0", "pycodestyle==2.9.1", "mccabe==0.7.0"]
          + (["attrs==22.1.0"] if f.startswith("flake8-bugbear") else [])
       for f in ("flake8-bugbear==22.12.6", "flake8==5.0.4")},
    "pyupgrade==2.38.4": ["tokenize-rt==4.2.1"], "vulture==2.6": ["toml==0.10.2"],
    "radon==5.1.0": ["mando==0.6.4", "colorama==0.4.6", "six==1.17.0"], "asttokens==2.2.1": ["six==1.17.0"],
    "astroid==2.15.8": ["lazy-object-proxy==1.9.0", "wrapt==1.15.0", "typing-extensions==4.4.0"],
    "pytest-asyncio==0.20.3": ["pytest==7.1.3", "py==1.11.0", "pluggy==1.0.0", "iniconfig==1.1.1", "attrs==21.4.0",
                               "packaging==21.3", "pyparsing==3.0.9", "tomli==2.0.1"],
    "aiohttp==3.8.6": ["multidict==6.0.4", "yarl==1.9.2", "frozenlist==1.3.3", "aiosignal==1.3.1",
                       "async-timeout==4.0.2", "charset-normalizer==2.1.1", "attrs==22.1.0", "idna==3.4"],
    "Flask==2.0.3": ["Werkzeug==2.0.3", "Jinja2==3.0.3", "itsdangerous==2.0.1", "click==8.0.4", "MarkupSafe==2.0.1"],
    "hypothesis==6.56.4": ["attrs==22.1.0", "sortedcontainers==2.4.0", "exceptiongroup==1.0.4"],
    "black==22.12.0": ["click==8.0.4", "platformdirs==2.5.2", "pathspec==0.10.3", "mypy_extensions==0.4.3",
                       "tomli==2.0.1"],
    "Mako==1.2.4": ["MarkupSafe==2.0.1"], "anyio==3.6.2": ["sniffio==1.3.0", "idna==3.4"],
    "Chameleon==3.10.1": ["setuptools==75.8.0"],  # chameleon/loader.py imports pkg_resources
    "autoflake==1.7.8": ["pyflakes==2.5.0", "tomli==2.0.1"],
    # the WIDE_ERA releases' (2016-2022, misses17) dependencies of their time, where pure Python
    "Django==2.2.28": ["pytz==2026.6", "sqlparse==0.2.4"],
    "djangorestframework==3.9.4": ["Django==2.2.28", "pytz==2026.6", "sqlparse==0.2.4"],
    "nltk==3.4.5": ["six==1.17.0"], "prompt_toolkit==1.0.18": ["six==1.17.0", "wcwidth==0.2.5"],
    "traitlets==4.3.3": ["ipython_genutils==0.2.0", "six==1.17.0", "decorator==4.4.2"],
    "python-xlib==0.23": ["six==1.17.0"], "mongoengine==0.15.3": ["pymongo==3.8.0", "six==1.17.0"],
    "Faker==1.0.8": ["six==1.17.0", "python-dateutil==2.7.5", "text-unidecode==1.2"],
    "GitPython==2.1.15": ["gitdb2==2.0.6", "smmap2==2.0.5"], "pyasn1-modules==0.2.8": ["pyasn1==0.4.8"],
    # the FALLBACK_ERA releases' (2018-2021, misses19) dependencies of their time, where pure Python
    # (typing_extensions 3.x ships src_py2/ and src_py3/: 4.1.1 is the first with src/; astroid 2.3.3 pins
    # wrapt 1.11, whose decorators.py imports inspect.formatargspec, gone in 3.11, measured on its own row:
    # 1.15.0 here, so astroid's and pylint's own modules import)
    "mypy==0.790": ["typing_extensions==4.1.1", "mypy_extensions==0.4.3"],
    "astroid==2.3.3": ["lazy-object-proxy==1.4.3", "wrapt==1.15.0", "six==1.17.0"],
    "pylint==2.4.4": ["astroid==2.3.3", "lazy-object-proxy==1.4.3", "wrapt==1.15.0", "six==1.17.0", "mccabe==0.6.1",
                      "isort==4.3.21"],
    "pyrsistent==0.16.1": ["six==1.17.0"], "yarl==1.4.2": ["multidict==4.7.6", "idna==2.10"],
    "bleach==3.3.0": ["six==1.17.0", "packaging==20.9", "pyparsing==2.4.7", "webencodings==0.5.1"],
    "Pint==0.9": ["setuptools==75.8.0"], "uncertainties==3.1.5": ["future==0.18.3"], "execnet==1.7.1": ["apipkg==1.5"],
    "requests-toolbelt==0.9.1": ["requests==2.22.0", "urllib3==1.26.20", "chardet==3.0.4", "idna==2.10",
                                 "certifi==2020.12.5"],
    # the KINDS_ERA releases' (2015-2021, misses22) dependencies of their time, where pure Python
    "aioredis==1.3.1": ["async-timeout==3.0.1"], "aiomysql==0.0.21": ["PyMySQL==0.9.3"],
    "slixmpp==1.4.2": ["pyasn1==0.4.8", "pyasn1-modules==0.2.8"], "aiokafka==0.5.2": ["kafka-python==1.4.6"],
    "python-socketio==4.6.1": ["python-engineio==3.14.2", "six==1.17.0"],
    "autobahn==19.11.2": ["txaio==18.8.1", "six==1.17.0"], "txaio==18.8.1": ["six==1.17.0"],
    "thriftpy2==0.4.14": ["ply==3.11"],
    "dulwich==0.19.16": ["urllib3==1.26.20", "certifi==2026.10.18"],
    "hyper==0.7.0": ["h2==2.6.2", "hyperframe==3.2.0", "hpack==3.0.0"], "protobuf==3.12.4": ["six==1.17.0"],
    "pydantic==1.8.2": ["typing_extensions==4.1.1"], "persistent==4.6.4": ["zope.interface==7.2", "setuptools==75.8.0"],
    "green==3.2.5": ["colorama==0.4.6", "Unidecode==1.0.23", "coverage==4.5.4"],
    "unittest-xml-reporting==2.5.2": ["six==1.17.0"], "pyang==2.4.0": ["setuptools==75.8.0"],
    "xmlschema==1.2.5": ["elementpath==2.0.4"],
    "fixtures==3.0.0": ["testtools==2.3.0", "extras==1.0.0", "six==1.17.0", "pbr==5.1.3", "setuptools==75.8.0",
                        "traceback2==1.4.0", "unittest2==1.1.0", "linecache2==1.0.0"],
    "freezegun==0.3.15": ["python-dateutil==2.8.2", "six==1.17.0"],
    "zope.testrunner==5.2": ["zope.interface==7.2", "zope.exceptions==4.4", "six==1.17.0", "setuptools==75.8.0"],
    "iniparse==0.5": ["six==1.17.0"], "pyhocon==0.3.57": ["pyparsing==2.4.7"],
    # the RECENT_ERA releases' (2022-2024, misses23) dependencies of their time, where pure Python
    **{f: ["pluggy==1.3.0", "iniconfig==2.0.0", "packaging==23.2"] + (["pytest==7.4.4"] if f.startswith("pytest-") else [])
       for f in ("pytest==7.4.4", "pytest-asyncio==0.21.1")},
    "Genshi==0.7.9": ["six==1.17.0"],
    "bandit==1.7.5": ["PyYAML==6.0", "stevedore==5.0.0", "pbr==5.11.1", "rich==13.3.1", "markdown-it-py==2.2.0",
                      "mdurl==0.1.2", "Pygments==2.14.0", "GitPython==3.1.27", "gitdb==4.0.9", "smmap==5.0.0",
                      "setuptools==75.8.0"],
    "flake8-bugbear==23.3.12": ["flake8==6.0.0", "pyflakes==3.0.1", "pycodestyle==2.10.0", "mccabe==0.7.0",
                                "attrs==22.2.0"],
    "asttokens==2.4.1": ["six==1.17.0"],
    "aiohttp==3.9.5": ["multidict==6.0.4", "yarl==1.9.2", "frozenlist==1.3.3", "aiosignal==1.3.1", "attrs==22.2.0",
                       "idna==3.4"],
    "griffe==0.25.5": ["colorama==0.4.6"], "pdoc==12.3.1": ["Jinja2==3.1.2", "MarkupSafe==2.1.2", "Pygments==2.14.0"],
    "Flask==2.2.5": ["Werkzeug==2.2.3", "Jinja2==3.1.2", "itsdangerous==2.1.2", "click==8.1.3", "MarkupSafe==2.1.2"],
    "pyupgrade==3.3.1": ["tokenize-rt==5.0.0"],
    # the TOOLKIT_ERA releases' (2017-2021, misses25) dependencies of their time, where pure Python
    "trio==0.17.0": ["attrs==21.4.0", "sortedcontainers==2.4.0", "async_generator==1.10", "idna==3.4", "outcome==1.1.0",
                     "sniffio==1.2.0"],
    "aiohttp-jinja2==1.4.2": ["aiohttp==3.7.4.post0", "multidict==5.2.0", "yarl==1.6.3", "async-timeout==3.0.1",
                              "attrs==21.4.0", "chardet==4.0.0", "idna==3.4", "typing-extensions==4.4.0",
                              "Jinja2==2.11.3", "MarkupSafe==1.1.1"],
    "uvicorn==0.13.4": ["click==7.1.2", "h11==0.12.0", "typing-extensions==4.4.0"],
    "SQLAlchemy-Utils==0.36.8": ["SQLAlchemy==1.3.24", "six==1.17.0"], "Kajiki==0.8.2": ["nine==1.1.0", "setuptools==75.8.0"],
    "pybars3==0.9.7": ["PyMeta3==0.5.1"], "cattrs==1.1.2": ["attrs==21.4.0"], "simpy==4.0.1": ["setuptools==75.8.0"],
    "PuLP==2.3": ["amply==0.1.4", "docutils==0.16", "pyparsing==2.4.7"],
    "cmd2==1.3.11": ["attrs==21.4.0", "colorama==0.4.6", "pyperclip==1.8.1", "wcwidth==0.2.5", "setuptools==75.8.0"],
    "blessed==1.17.12": ["wcwidth==0.2.5", "six==1.17.0"],
    **{f: ["pytest==6.2.5", "py==1.11.0", "pluggy==0.13.1", "iniconfig==1.1.1", "attrs==21.4.0", "packaging==21.3",
           "pyparsing==3.0.9", "toml==0.10.2"] + (["py-cpuinfo==7.0.0"] if f.startswith("pytest-benchmark") else [])
       for f in ("pytest-timeout==1.4.2", "pytest-benchmark==3.2.3", "pytest-mock==3.5.1")},
    # the SERVICE_ERA releases' (2015-2021, misses27) dependencies of their time, where pure Python
    "pg8000==1.16.6": ["scramp==1.2.0"],
    "influxdb==5.3.1": ["python-dateutil==2.8.2", "pytz==2026.6", "requests==2.22.0", "urllib3==1.26.20", "chardet==3.0.4",
                        "idna==2.10", "certifi==2020.12.5", "six==1.17.0", "msgpack==0.6.2"],
    **{f: ["Django==2.2.28", "pytz==2026.6", "sqlparse==0.2.4"] for f in ("django-extensions==3.1.0", "django-filter==2.4.0")},
    **{f: ["Flask==1.1.4", "Werkzeug==1.0.1", "Jinja2==2.11.3", "itsdangerous==1.1.0", "click==7.1.2", "MarkupSafe==1.1.1"]
          + (["SQLAlchemy==1.3.24"] if f.startswith("Flask-SQLAlchemy") else [])
       for f in ("Flask-SQLAlchemy==2.4.4", "Flask-Caching==1.9.0")},
    "factory_boy==3.2.0": ["Faker==1.0.8", "six==1.17.0", "python-dateutil==2.7.5", "text-unidecode==1.2"],
    "mongomock==3.22.0": ["sentinels==1.0.0", "six==1.17.0", "setuptools==75.8.0"],  # __version__.py: pkg_resources
    "fakeredis==1.4.5": ["redis==3.5.3", "six==1.17.0", "sortedcontainers==2.4.0"],
    "betamax==0.8.1": ["requests==2.22.0", "urllib3==1.26.20", "chardet==3.0.4", "idna==2.10", "certifi==2020.12.5"],
    "python-jose==3.2.0": ["rsa==4.7", "ecdsa==0.14.1", "pyasn1==0.4.8", "six==1.17.0"],
    "parsimonious==0.8.1": ["six==1.17.0"], "python-tds==1.10.0": ["six==1.17.0", "setuptools==75.8.0"],
    "textX==2.3.0": ["Arpeggio==1.10.1", "click==7.1.2", "setuptools==75.8.0"],  # registration.py: pkg_resources
    "setuptools_scm==5.0.1": ["setuptools==75.8.0"],
    "asciimatics==1.12.0": ["pyfiglet==0.8.post1", "wcwidth==0.2.5", "future==0.18.3", "setuptools==75.8.0"],
    "nbformat==5.1.2": ["ipython_genutils==0.2.0", "traitlets==4.3.3", "decorator==4.4.2", "six==1.17.0",
                        "jupyter_core==4.7.1", "jsonschema==3.2.0", "attrs==21.4.0", "pyrsistent==0.16.1"],
    "PGPy==0.5.3": ["pyasn1==0.4.8", "six==1.17.0"],  # and cryptography, a C extension: not here
    **{f: ["urllib3==1.26.20", "certifi==2020.12.5"] for f in ("sentry-sdk==0.19.5", "elastic-apm==5.10.0")},
    **{f: ["requests==2.22.0", "urllib3==1.26.20", "chardet==3.0.4", "idna==2.10", "certifi==2020.12.5"]
          + (["decorator==4.4.2"] if f.startswith("datadog") else [])
       for f in ("datadog==0.39.0", "httmock==1.4.0")},
    "progressbar2==3.53.1": ["python-utils==2.5.6", "six==1.17.0"],
    # the CORNER_ERA releases' (2014-2021, misses29) dependencies of their time, where pure Python
    "networkx==2.2": ["decorator==4.3.0", "setuptools==75.8.0"],  # drawing/nx_pydot.py: pkg_resources
    **{f: ["setuptools==75.8.0"] for f in ("Chameleon==3.6.2", "hjson==3.0.1")},  # pkg_resources
    "pybtex==0.22.2": ["latexcodec==1.0.7", "PyYAML==3.12", "six==1.17.0", "setuptools==75.8.0"],
    "isodate==0.6.0": ["six==1.17.0"], "rdflib==4.2.2": ["isodate==0.6.0", "pyparsing==2.2.0", "six==1.17.0"],
    "html5lib==0.9999999": ["six==1.17.0"], "qrcode==6.1": ["six==1.17.0"], "langdetect==1.0.7": ["six==1.17.0"],
    # pytest 3.0.7 imports imp (its own row): 6.2.5, which imports on 3.13-3.15, so that the plugins' modules are read
    **{f: ["pytest==6.2.5", "py==1.11.0", "pluggy==0.13.1", "iniconfig==1.1.1", "attrs==21.4.0", "packaging==21.3",
           "pyparsing==3.0.9", "toml==0.10.2"] + (["coverage==4.5.4"] if f.startswith("pytest-cov") else [])
       for f in ("pytest-cov==2.6.1", "pytest-catchlog==1.2.2")},
    "testresources==2.0.1": ["pbr==5.1.3", "setuptools==75.8.0"],
    # attrs 19.1.0: clize 4.0.3 calls attr.ib(convert=), gone in attrs 19.2; docutils 0.14 is Python 2 source (2to3)
    "clize==4.0.3": ["sigtools==2.0.2", "od==1.0", "attrs==19.1.0", "six==1.17.0", "docutils==0.16"],
    "Flask-Mail==0.9.1": ["Flask==1.1.4", "Werkzeug==1.0.1", "Jinja2==2.11.3", "itsdangerous==1.1.0", "click==7.1.2",
                          "MarkupSafe==1.1.1", "blinker==1.4"],
    # the ADDON_ERA releases' (2012-2019, misses30) dependencies of their time, where pure Python
    **{f: ["Flask==1.1.4", "Werkzeug==1.0.1", "Jinja2==2.11.3", "itsdangerous==1.1.0", "click==7.1.2",
           "MarkupSafe==1.1.1"]
          + (["blinker==1.4"] if f.startswith("Flask-Principal") else [])
          + (["dominate==2.3.5", "visitor==0.1.3"] if f.startswith("Flask-Bootstrap") else [])
          + (["webassets==0.12.1"] if f.startswith("Flask-Assets") else [])
       for f in ("Flask-Principal==0.4.0", "Flask-Uploads==0.2.1", "Flask-Bootstrap==3.3.7.1", "Flask-Assets==0.12")},
    **{f: ["six==1.17.0"]
       for f in ("leather==0.3.3", "pyjade==4.0.0", "lazy_import==0.2.2", "smpplib==2.0", "blessings==1.7")},
    "svgwrite==1.3.1": ["pyparsing==3.0.9"], "pyrad==2.1": ["six==1.17.0", "netaddr==0.7.19"],
    "pygal==2.4.0": ["setuptools==75.8.0"],  # pygal/__init__.py: pkg_resources
    "airspeed==0.5.11": ["six==1.17.0", "cachetools==4.2.4"], "bson==0.5.8": ["python-dateutil==2.8.2", "six==1.17.0"],
    "astmonkey==0.3.6": ["pydot==1.4.1", "pyparsing==3.0.9", "six==1.17.0"],
    "flake8-string-format==0.2.3": ["flake8==3.7.9", "pyflakes==2.1.1", "pycodestyle==2.5.0", "mccabe==0.6.1",
                                    "entrypoints==0.3"],
    "coloredlogs==10.0": ["humanfriendly==4.18"],
    # future 0.18.3 and venusian 1.2.0 import imp (their own rows): 1.0.0 and 3.0.0, which import on 3.13-3.15
    "python-whois==0.7.1": ["future==1.0.0"], "irc3==1.1.2": ["venusian==3.0.0", "docopt==0.6.2"],
    "straight.plugin==1.5.0": ["setuptools==75.8.0"],
    # the LAPSED_ERA releases' (2020-2024, misses31) dependencies of their time, where pure Python
    **{f: ["requests==2.22.0", "urllib3==1.26.20", "chardet==3.0.4", "idna==2.10", "certifi==2020.12.5"]
          + (["uritemplate==3.0.1", "python-dateutil==2.8.2", "six==1.17.0", "PyJWT==2.4.0"]
             if f.startswith("github3") else [])
          + (["six==1.17.0"] if f.startswith(("presto", "salesforce")) else [])
          + (["isodate==0.6.0", "requests-oauthlib==1.3.0", "oauthlib==3.1.0", "six==1.17.0"]
             if f.startswith("msrest") else [])
          + (["PyJWT==2.4.0", "python-dateutil==2.8.2", "six==1.17.0"] if f.startswith("adal") else [])
          + (["pyparsing==2.4.7", "requests-toolbelt==0.9.1"] if f.startswith("cloudscraper") else [])
       for f in ("github3.py==4.0.1", "presto-python-client==0.8.4", "salesforce-bulk==2.2.0", "msrest==0.7.1",
                 "adal==1.2.7", "cloudscraper==1.2.71", "googlemaps==4.10.0")},
    "yacs==0.1.8": ["PyYAML==3.12"], "python3-openid==3.2.0": ["defusedxml==0.7.1"],
    **{f: ["six==1.17.0"] for f in ("google-pasta==0.2.0", "junit-xml==1.9")},
    "cfn-flip==1.3.0": ["six==1.17.0", "PyYAML==3.12", "click==7.1.2"], "redis-py-cluster==2.1.3": ["redis==3.5.3"],
    "analytics-python==1.4.post1": ["python-dateutil==2.8.2", "six==1.17.0", "monotonic==1.5", "backoff==1.10.0",
                                    "requests==2.22.0", "urllib3==1.26.20", "chardet==3.0.4", "idna==2.10",
                                    "certifi==2020.12.5"],
    "fs==2.4.16": ["setuptools==75.8.0", "appdirs==1.4.4", "six==1.17.0"],  # fs/__init__.py: pkg_resources
    "oletools==0.60.2": ["olefile==0.46", "colorclass==2.2.2", "easygui==0.98.3", "pcodedmp==1.2.6",
                         "pyparsing==2.4.7"],
    "pykwalify==1.8.0": ["docopt==0.6.2", "python-dateutil==2.8.2", "six==1.17.0", "ruamel.yaml==0.16.13"],
    "json-rpc==1.15.0": ["Flask==1.1.4", "Werkzeug==1.0.1", "Jinja2==2.11.3", "itsdangerous==1.1.0", "click==7.1.2",
                         "MarkupSafe==1.1.1"],
    "user-agents==2.2.0": ["ua-parser==0.10.0"],
    **{f: ["flake8==3.9.2", "pyflakes==2.3.1", "pycodestyle==2.7.0", "mccabe==0.6.1"]
          + (["setuptools==75.8.0"] if f.startswith("flake8-quotes") else [])  # pkg_resources
          + (["six==1.17.0"] if f.startswith("flake8-print") else [])
       for f in ("flake8-quotes==3.4.0", "flake8-print==5.0.0", "flake8-debugger==4.1.2")},
    "aiounittest==1.4.2": ["wrapt==1.14.1"],  # wrapt 1.12.1 (its own row) calls inspect.formatargspec
    "baron==0.10.1": ["rply==0.7.8", "appdirs==1.4.4"],
    "pysrt==1.1.2": ["chardet==3.0.4"], "javalang==0.13.0": ["six==1.17.0"], "pyserial-asyncio==0.6": ["pyserial==3.5"],
    "asyncmock==0.4.2": ["mock==4.0.3"], "jxmlease==1.0.3": ["six==1.17.0"], "cmakelang==0.6.13": ["six==1.17.0"],
    "pytest-tornado==0.8.1": ["tornado==6.1", "setuptools==75.8.0", "pytest==6.2.5", "py==1.11.0", "pluggy==0.13.1",
                              "iniconfig==1.1.1", "attrs==21.4.0", "packaging==21.3", "pyparsing==3.0.9", "toml==0.10.2"],
    **{f: ["requests==2.22.0", "urllib3==1.26.20", "chardet==3.0.4", "idna==2.10", "certifi==2020.12.5"]
          + (["requests-oauthlib==1.3.0", "oauthlib==3.1.0"] if f.startswith("twython") else [])
          # its setup.py: oauthlib<3.0.0 (3.0 dropped common.bytes_type), requests-oauthlib<1.2.0
          + (["requests-oauthlib==1.1.0", "oauthlib==2.1.0"] if f.startswith("Flask-OAuthlib") else [])
          + (["jsonpickle==2.0.0"] if f.startswith("python-digitalocean") else [])
          + (["Flask==1.1.4", "Werkzeug==1.0.1", "Jinja2==2.11.3", "itsdangerous==1.1.0", "click==7.1.2",
              "MarkupSafe==1.1.1"] if f.startswith("Flask-OAuthlib") else [])
       for f in ("twython==3.9.1", "python-digitalocean==1.17.0", "slacker==0.14.0", "Flask-OAuthlib==0.9.6")},
    **{f: ["requests==2.22.0", "urllib3==1.26.20", "chardet==3.0.4", "idna==2.10", "certifi==2020.12.5", "six==1.17.0"]
          + (["docopt==0.6.2"] if f.startswith("hdfs") else [])
          + (["click==7.1.2", "tabulate==0.8.9", "oauthlib==3.1.0", "PyJWT==2.4.0"] if f.startswith("databricks") else [])
       for f in ("hdfs==2.7.3", "databricks-cli==0.18.0")},
}
RELEASES = """amqp==1.4.9 argh==0.26.2 Babel==2.6.0 bottle==0.12.13 cement==2.10.14 click==7.1.2 configobj==5.0.6
coverage==4.5.4 decorator==4.3.0 docutils==0.14 dpkt==1.9.2 feedparser==5.2.1 Flask==0.10.1 Flask==1.1.4 gunicorn==19.9.0
html5lib==0.999999999 httplib2==0.12.0 humanize==0.5.1 IMAPClient==1.1.0 itsdangerous==1.1.0 Jinja2==2.11.3 Jinja2==2.7.3
jsonschema==2.6.0 kazoo==2.4.0 lockfile==0.12.2 Mako==1.0.7 Markdown==2.6.11 mock==1.0.1 networkx==1.11 nose==1.3.7
parameterized==0.7.0 passlib==1.7.4 Paste==3.2.0 pep8==1.7.1 pika==0.13.1 ply==3.11 pyasn1==0.1.9 PyDispatcher==2.0.5
pyflakes==1.6.0 Pygments==2.2.0 PyHamcrest==1.9.0 PyMySQL==0.7.11 pyparsing==2.2.0 PyPDF2==1.26.0
python-dateutil==2.6.1 python-gflags==3.1.2 PyYAML==3.12 redis==2.10.6 requests==2.5.3 Routes==2.5.1 sh==1.12.14
six==1.10.0 SQLAlchemy==1.2.19 sqlparse==0.2.4 stomp.py==4.1.21 testfixtures==6.4.1 tornado==4.5.3 Unidecode==1.0.23
waitress==1.0.2 WebOb==1.7.4 websocket-client==0.48.0 Werkzeug==0.9.6 Werkzeug==1.0.1 Whoosh==2.7.4 xlrd==1.2.0
yapf==0.30.0""".split()
RELEASES += """asynctest==0.13.0 aiofiles==0.4.0 websockets==6.0 dnspython==1.16.0 future==0.16.0 virtualenv==16.0.0
pip==9.0.3 robotframework==3.1.2 vulture==1.0 Cheetah3==3.2.6.post1 monotonic==1.5 contextlib2==0.5.5 funcsigs==1.0.2
traceback2==1.4.0 unittest2==1.1.0 httpretty==0.9.6 kitchen==1.2.6 plac==1.0.0 trollius==2.2.post1 ldap3==2.5.1
APScheduler==3.5.3""".split()
# old releases (2016-2019) rich in what later Pythons removed (imp plugin loaders, distutils, asyncore/smtpd,
# ssl.wrap_socket, collections ABCs, inspect.getargspec), never looked at before (issue #11, misses9); their
# dependencies of the time where those import on 3.13 (pkg_resources from setuptools 75.8, FormEncode 2.0.1:
# 1.3.1 was Python 2 source run through 2to3 at install). thrift 0.11.0 is in noise.py only: its setup.py maps
# the package thrift to src/ (package_dir), which this layout guess cannot import
RELEASES += [release for release in PLUGIN_ERA if release != "thrift==0.11.0"]
# old releases (2012-2020) that use removed APIs in less common ways (issue #11, misses10): C extensions on the
# old C API (PyUnicode_AS_UNICODE, Py_TRASHCAN_SAFE_BEGIN, Py_TYPE as an lvalue), ast.Num visitors, re.sre_parse and
# sre_* modules, collections ABCs through six and compat modules, getargspec, smtpd servers, an import hook, lib2to3
# fixers, configparser readfp, audioop; their era's dependencies
RELEASES += LESS_COMMON
# mid-era releases (2020-2023: the last of packages that stopped around 3.11, and 2021-2023 releases of packages
# still maintained), modern in style with a little legacy left: distutils.version, imp loaders, cgi, asyncore,
# audioop, imghdr, lib2to3, pipes, telnetlib, ast.Num/Str, sre_*, asyncio.coroutine, six.moves importers
# (issue #11, misses11)
RELEASES += MID_ERA
# widely used releases of 2019-2021 on no list before, read at 3.14 and 3.15 (issue #11, misses14)
RELEASES += LATE_ERA
# releases of 2018-2021 that real users pin, read at 3.13 and 3.15 (issue #11, misses15)
RELEASES += PINNED_ERA
RELEASES += AST_ERA
# releases of 2016-2022 of popular packages with many modules, on no list before (misses17)
RELEASES += WIDE_ERA
# releases of 2018-2021 with many modules, most with a C extension's pure-Python fallback, on no list before
# (misses19)
RELEASES += FALLBACK_ERA
# dependencies whose failures other rows exclude as "measured on its own row", which had none (misses19):
# pytest 3.0.7's py 1.4.34, execnet 1.7.1's apipkg 1.5
RELEASES += ["py==1.4.34", "apipkg==1.5"]
# releases of 2015-2021 of kinds likely to hold breakage the scanner misses (asyncio's old APIs, import hooks,
# ctypes/struct, XML/HTTP, C fallbacks, unittest internals, code generators, config readers), on no list before
# (misses22)
RELEASES += KINDS_ERA
# a dependency whose failures other rows excluded as "measured on its own row", which it had not (misses22):
# typing-extensions 4.4.0 (pydantic 1.8.2's, aioredis 2.0.1's, aiohttp 3.6.3's ...), txaio 18.8.1 (autobahn 19.11.2's)
RELEASES += ["typing-extensions==4.4.0", "txaio==18.8.1"]
# releases of 2022-2024 that run on 3.12/3.13 and may hold what 3.14 and 3.15 remove, on no list before (misses23)
RELEASES += RECENT_ERA
# releases of 2017-2021 of kinds no list held (async frameworks, ORMs, template engines, serializers, CLI
# toolkits, network clients, pytest plugins), read at 3.13 and 3.15 (misses25)
RELEASES += TOOLKIT_ERA
# releases of 2015-2021 of kinds no list held (logging clients, database drivers, Django and Flask plugins,
# mocking libraries, crypto helpers, parsers, packaging helpers), read at 3.13, 3.14 and 3.15 (misses27, 2026-12-07)
RELEASES += SERVICE_ERA
# releases of 2014-2021 of kinds no list held (scientific helpers, RDF, templating, XML/Markdown writers, SOAP/TFTP
# clients, ASN.1, pytest plugins, CLI helpers, IMAP and mail, serializers, i18n, config, pure-Python images), read at
# 3.13, 3.14 and 3.15 (misses29, 2026-12-07)
# (markdown2's lib/markdown2.py, pypng's code/png.py and ruamel.yaml's root mapped to ruamel/yaml by package_dir are
# in noise.py only: this layout guess imports none of them)
RELEASES += [release for release in CORNER_ERA
             if release not in ("markdown2==2.3.8", "pypng==0.0.20", "ruamel.yaml==0.15.100")]
# releases of 2012-2019 of kinds no list held (plotting, Flask extensions, protocol clients, CLI helpers, templating,
# serializers, asyncio.coroutine-era clients, import hooks, audioop users, ast.Str visitors, C extensions), read at
# 3.13, 3.14 and 3.15 (misses30, 2026-12-07)
RELEASES += ADDON_ERA
# last releases of 2020-2024 of kinds no list held (cloud SDK helpers, flake8 plugins, parsers, asyncio-era helpers,
# OAuth and scraping clients), read at 3.13 and 3.15 (misses31, 2026-12-07); youtube-dl 2021.12.17 in noise.py only:
# its 850 modules, each importing the extractor registry, took more than half an hour at 3.13 here
RELEASES += [release for release in LAPSED_ERA if release != "youtube-dl==2021.12.17"]
SKIP = {"tests", "test", "testing", "docs", "doc", "examples", "example", "build", "benchmarks", "scripts", "tools"}
SETUP = {"setup.py", "ez_setup.py", "distribute_setup.py", "conftest.py", "fabfile.py", "noxfile.py", "tasks.py"}
PY2_BUILTINS = {"unicode", "basestring", "xrange", "long", "unichr", "raw_input", "execfile", "reduce", "file",
                "cmp", "buffer", "StandardError", "apply", "intern", "coerce"}
# run in the real interpreter: import one module, record the lines it ran in the work folder and the failure
DRIVER = r"""
import importlib, json, os, sys, sysconfig, traceback
root, name, out = sys.argv[1:4]
STDLIB = os.path.join(sysconfig.get_paths()["stdlib"], "")
sys.argv = [name]
sys.path.extend(os.environ["REALIMPORTS_PATH"].split(os.pathsep))  # after the standard library, as installed
ran, mon = set(), getattr(sys, "monitoring", None)  # 3.12+; an older Python only says whether it fails
def line(code, number):
    if not code.co_filename.startswith(root):
        return mon.DISABLE
    ran.add((code.co_filename, number))
if mon:
    mon.use_tool_id(4, "realimports")
    mon.register_callback(4, mon.events.LINE, line)
    mon.set_events(4, mon.events.LINE)
result = {"ok": True}
try:
    importlib.import_module(name)
except BaseException as error:
    frames = [[f.filename, f.lineno] for f in traceback.extract_tb(error.__traceback__) if f.filename.startswith(root)]
    if isinstance(error, SyntaxError) and error.filename:
        frames.append([error.filename, error.lineno])
    # the last frame outside the standard library: autobahn 19.11.2's import fails in asyncio's
    # get_event_loop, called by txaio 18.8.1 (a dependency) at its import on 3.14 and later
    raised = [f.filename for f in traceback.extract_tb(error.__traceback__)
              if not f.filename.startswith(("<", STDLIB))]
    result = {"ok": False, "type": type(error).__name__, "message": str(error)[:200], "frames": frames,
              "missing": error.name if isinstance(error, ImportError) else None, "context": [],
              "raised_in": raised[-1] if raised else None}
    inner = error.__context__
    while inner is not None and len(result["context"]) < 5:  # what a handler was handling when it failed
        result["context"].append({"frames": [[f.filename, f.lineno] for f in traceback.extract_tb(inner.__traceback__)
                                             if f.filename.startswith(root)],
                                  "missing": inner.name if isinstance(inner, ImportError) else None})
        inner = inner.__context__
    # from a lazy package (celery's, kombu's: a module whose __getattr__ imports on first use), the
    # import system turns what that import raised into "cannot import name": ask the name again
    lazy = isinstance(error, ImportError) and error.name and str(error).startswith("cannot import name '")
    owner = sys.modules.get(error.name) if lazy else None
    if owner is not None:
        try:
            getattr(owner, str(error).split("'")[1])
        except BaseException as swallowed:
            where = [f for f in traceback.extract_tb(swallowed.__traceback__) if not f.filename.startswith("<")]
            result["swallowed"] = {"type": type(swallowed).__name__, "message": str(swallowed)[:200],
                                   "frames": [[f.filename, f.lineno] for f in where if f.filename.startswith(root)],
                                   "raised_in": where[-1].filename if where else None}
if mon:
    mon.set_events(4, 0)
result["ran"] = sorted(ran)
with open(out, "w") as handle:
    json.dump(result, handle)
os._exit(0)
"""


def import_root(top: Path) -> Path:
    for folder in ("lib3", "python3", "src", "lib", "."):
        where = top / folder
        if where.is_dir() and any((where / c / "__init__.py").exists() for c in os.listdir(where)):
            return where.resolve()
        # src/typing_extensions.py, Tenjin 1.1.1's lib3/tenjin.py, Flask-Assets 0.12's src/flask_assets.py (a
        # tests/ package at the top)
        if folder in ("lib3", "python3", "src") and where.is_dir() \
                and any(c.endswith(".py") for c in os.listdir(where)):
            return where.resolve()
    for child in sorted(os.listdir(top)):  # feedparser/feedparser.py
        if (top / child / f"{child}.py").exists():
            return (top / child).resolve()
    return top.resolve()


def modules(root: Path) -> list[str]:
    found = []
    for child in sorted(os.listdir(root)):
        path = root / child
        if path.is_dir() and (path / "__init__.py").exists() and child not in SKIP and child.isidentifier():
            for folder, subs, files in os.walk(path):
                subs[:] = sorted(s for s in subs if (Path(folder) / s / "__init__.py").exists() and s not in SKIP)
                parts = list(Path(folder).relative_to(root).parts)
                for name in sorted(files):
                    dotted = parts + ([] if name == "__init__.py" else [name[:-3]])
                    if name.endswith(".py") and all(p.isidentifier() for p in dotted):
                        found.append(".".join(dotted))
        elif child.endswith(".py") and child[:-3].isidentifier() and child not in SETUP and not child.startswith("test"):
            found.append(child[:-3])
    return found


def older(version: str) -> str | None:
    found = sorted(Path.home().glob(f".pyenv/versions/{version}.*/bin/python{version[0]}"))
    return str(found[-1]) if found else None


def excluded(failure: dict, stdlib: set[str], built_without: frozenset = frozenset()) -> str | None:
    """Why a failure is outside outmoded's promise, or None."""
    kind, message, missing = failure["type"], failure["message"], failure.get("missing")
    if kind == "ImportError" and re.search(r"No module named '(\w+)'", message) and \
            re.search(r"No module named '(\w+)'", message).group(1) in built_without:
        return "a standard module this interpreter was built without"  # _gdbm, raised again by dbm.gnu
    if re.search(r"windll|winreg|msvcrt|_winapi|kqueue", message):
        return "another platform's module"
    if kind in ("SyntaxError", "IndentationError", "TabError") and failure["frames"]:
        py36 = older("3.6")
        source = failure["frames"][-1][0]
        compiled = py36 and subprocess.run([py36, "-c", "import sys; compile(open(sys.argv[1], 'rb').read(), "
                                            "sys.argv[1], 'exec')", source], capture_output=True).returncode == 0
        return None if compiled or not py36 else "Python 2 syntax"
    if kind == "ModuleNotFoundError" and missing and missing.split(".")[0] in built_without:
        return "a standard module this interpreter was built without"  # Debian's: _tkinter, _gdbm
    if kind == "ModuleNotFoundError" and missing and missing.split(".")[0] not in stdlib:
        py27 = older("2.7")
        where = py27 and subprocess.run([py27, "-c", f"import {missing.split('.')[0]} as m; print(getattr(m, '__file__', ''))"],
                                        capture_output=True, text=True)
        if where and where.returncode == 0 and "site-packages" not in where.stdout:
            return "Python 2 module"
        return "missing dependency"
    if kind == "NameError" and message.split("'")[1:2] and message.split("'")[1] in PY2_BUILTINS:
        return "Python 2 builtin"
    if kind in ("IndexError", "ValueError") and failure["frames"]:  # tox 3.28.0's helper/build_requires.py
        source, number = failure["frames"][-1]
        lines = Path(source).read_text(errors="replace").splitlines() if Path(source).is_file() else []
        if 0 < number <= len(lines) and "sys.argv" in lines[number - 1]:
            return "a script run without its arguments"
    return None


SETUPTOOLS_IMPORT = re.compile(rb"^[ \t]*(?:import|from)[ \t]+(?:setuptools|pkg_resources)\b", re.M)


def imports_setuptools(root: Path) -> bool:
    """Does a module of the release import setuptools (or pkg_resources)?  Where setuptools is
    installed, its distutils-precedence.pth serves ``import distutils`` in every process from 3.12
    on, whatever the order (outmoded's backport rule); here the releases are on sys.path, no .pth
    runs: pbr 5.1.3's and wheel 0.33.6's setuptools plugins, Paver 1.3.4's setuputils.py."""
    return any(SETUPTOOLS_IMPORT.search(path.read_bytes()) for path in root.rglob("*.py"))


BEFORE = "3.8"  # the newest pyenv Python these releases all ran on


def _import_one(python: str, project: Path, name: str, out: Path, work: Path, env: dict) -> bool:
    """Imports module ``name`` in a process of its own (``DRIVER`` writes ``out``), in a session of
    its own: at the timeout the whole group is killed, with what the module started (flake8 3.7.9's
    ``__main__`` left two interpreters scanning the work folder when only the child was).  False
    when it timed out."""
    process = subprocess.Popen([python, "-c", DRIVER, str(project.resolve()) + os.sep, name, str(out)], cwd=work,
                               env=env, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL, start_new_session=True)
    try:
        process.wait(timeout=60)
        return True
    except subprocess.TimeoutExpired:
        return False
    finally:
        try:
            os.killpg(process.pid, signal.SIGKILL)  # what the module left running too
        except ProcessLookupError:
            pass
        process.wait()


def fails_before(name: str, kind: str, work: Path, project: Path, env: dict) -> bool:
    """Does importing ``name`` fail with the same exception on pyenv's 3.8 (an import order the package
    never supported, a module that runs a program): no removal then."""
    python = older(BEFORE)
    if python is None:
        return False
    out = work / f".before-{os.getpid()}.json"
    out.unlink(missing_ok=True)
    if not _import_one(python, project, name, out, work, env):
        return False
    if not out.exists():
        return False
    result = json.loads(out.read_text())
    return not result.get("ok", True) and result.get("type") == kind


def standard_before(top: str) -> bool:
    """Is ``top`` a module of pyenv's 3.8 standard library (one 3.9 removed, as future 0.18.3's
    ``src/_dummy_thread`` shim is named), which 3.10's ``sys.stdlib_module_names`` no longer lists?"""
    python = older(BEFORE)
    where = python and subprocess.run([python, "-I", "-S", "-c", f"import {top} as m; print(getattr(m, '__file__', ''))"],
                                      capture_output=True, text=True, cwd="/")
    return bool(where) and where.returncode == 0 and "site-packages" not in where.stdout


def served_by_dead_importer(failure: dict, root: Path, at: dict) -> str | None:
    """The finding on the import hook a missing module of the release was to come from, if reported:
    ``pip._vendor.urllib3.packages.six.moves`` from the meta path finder of that ``six.py``
    (OMB12002: no find_spec, skipped by the import system from 3.12); for "cannot import name 'six'
    from 'pkg_resources.extern'" the name is the module it was to be: setuptools 44.1.1's
    ``from pkg_resources.extern import six``, which its ``extern/__init__.py`` VendorImporter
    (find_module only) was to serve."""
    missing = failure.get("missing") or ""
    message = failure.get("message") or ""
    if missing and message.startswith("cannot import name '") and message.count("'") >= 2:
        missing = f"{missing}.{message.split(chr(39))[1]}"
    parts = missing.split(".")
    for cut in range(len(parts) - 1, 0, -1):
        base = root.joinpath(*parts[:cut])
        for candidate in (base.with_suffix(".py"), base / "__init__.py"):
            for (path, line), found in at.items():
                if path == str(candidate.resolve()) and any(f.get("code") == "OMB12002" for f in found):
                    return f"{os.path.relpath(path, root)}:{line}"
    return None


@functools.lru_cache(maxsize=None)
def _simple_statements(path: str) -> dict:
    """First line -> last line of each simple statement (no body) of the file that spans lines."""
    try:
        tree = ast.parse(Path(path).read_bytes())
    except (SyntaxError, ValueError, OSError):
        return {}
    return {n.lineno: n.end_lineno for n in ast.walk(tree)
            if isinstance(n, ast.stmt) and not hasattr(n, "body") and n.end_lineno and n.end_lineno > n.lineno}


def reported_at(frames: list, at: dict) -> bool:
    """Does a finding stand at a line of these traceback frames?  A frame names the first line of
    its statement, a finding the line of the name: xonsh 0.9.27's ast.py, ``from ast import (`` at
    line 7 and ``Num,`` at line 9 (ImportError: cannot import name 'Num' on the real 3.15), so every
    line of a simple statement that spans lines counts."""
    for f, line in frames:
        path = str(Path(f).resolve())
        if any((path, number) in at for number in range(line, _simple_statements(path).get(line, line) + 1)):
            return True
    return False


def served_back(api: str, put_back: Path | None) -> bool:
    """Is the finding's module one ``--put-back`` serves (its line then runs, by design)?"""
    top = api.split(".")[0]
    return put_back is not None and bool(top) and ((put_back / f"{top}.py").exists() or (put_back / top).is_dir())


def dependency_of(failure: dict, dependencies: list) -> str | None:
    """The dependency (a release of ``DEPENDS``) whose code raised the failure: kombu 3.0.37's
    ``from amqp import ...`` fails in amqp 1.4.9's ``five.py`` (``import imp``), which amqp's own row
    measures."""
    raised = failure.get("raised_in") or ""
    for copy in dependencies:
        if raised.startswith(str(copy.resolve()) + os.sep):
            return copy.name
    return None


def raised_by_put_back(failure: dict, put_back: Path | None) -> bool:
    """Was the failure raised in a module of ``--put-back`` itself, an older standard library's
    copy that does not import on this interpreter?  pylint 2.4.4 at 3.14 with 3.11's modules put
    back: astroid 2.3.3's ``import imp`` (reported on astroid's row) runs the copied imp.py, whose
    ``from importlib._bootstrap import _ERR_MSG`` fails; the release's frames stop in astroid, a
    dependency, and the failure was counted missed on pylint's row."""
    raised = failure.get("raised_in") or ""
    return put_back is not None and raised.startswith(str(put_back.resolve()) + os.sep)


def handling_unbuilt(context: list, built_without: frozenset) -> bool:
    """Was the failure raised while handling the ImportError of a standard module this interpreter
    was built without (Debian's tkinter)?  easygui 0.98.3's ``from .text_box import ...`` fails on
    the missing ``_tkinter``, and its ``except ImportError:`` fallback, an implicit relative import,
    then fails with "No module named 'global_state'": the interpreter's build, not a removal."""
    return any((c.get("missing") or "").split(".")[0] in built_without for c in context)


def handling_a_removal(context: list, stdlib: set) -> bool:
    """Was the failure raised while handling the ImportError of a standard module (a fallback that
    fails too: pydub 0.23.1's ``try: import audioop`` / ``except ImportError: import pyaudioop as
    audioop``, an implicit relative import)?  Then it is no missing dependency's."""
    return any((c.get("missing") or "").split(".")[0] in stdlib for c in context)


def measure(spec: str, target: str, work: Path, cache: Path, noise_work: Path, put_back: Path | None = None) -> dict:
    python = shutil.which(f"python{target}")
    if python is None:
        raise SystemExit(f"no python{target} on PATH: eval \"$(../shared/tools/real-pythons)\"")
    copies = []
    for release in [spec] + DEPENDS.get(spec, []):
        copy = work / release
        if not copy.exists():
            shutil.copytree(unpacked(release, cache, noise_work), copy, symlinks=True)
        copies.append(copy)
    project, root = copies[0], import_root(copies[0])
    path = os.pathsep.join([str(root)] + [str(import_root(c)) for c in copies[1:]] + ([str(put_back)] if put_back else []))
    env = dict(os.environ, REALIMPORTS_PATH=path, PYTHONWARNINGS="ignore", PYTHONDONTWRITEBYTECODE="1")
    env.pop("PYTHONPATH", None)
    results, out = {}, work / f".result-{os.getpid()}.json"
    for name in modules(root):
        out.unlink(missing_ok=True)
        _import_one(python, project, name, out, work, env)
        results[name] = json.loads(out.read_text()) if out.exists() else {
            "ok": False, "type": "no result", "message": "", "frames": [], "ran": []}
    findings, unchecked = check(ROOT, project, target)
    at = {}
    for f in findings:
        at.setdefault((str((project / f["path"]).resolve()), f["line"]), []).append(f)
    for e in unchecked:  # a file it cannot parse: "cannot parse: invalid syntax (line 194): ..."
        line = re.search(r"\(line (\d+)\)", e["message"])
        if line:
            at.setdefault((str((project / e["path"]).resolve()), int(line.group(1))), []).append({"severity": "error"})
    stdlib = set(subprocess.run([older("3.10") or sys.executable, "-c", "import sys; print(*sys.stdlib_module_names)"],
                                capture_output=True, text=True).stdout.split())
    # standard modules the target lists but this build cannot import (Debian ships tkinter, _tkinter, _gdbm apart:
    # Twisted 21.2.0's conch/ui/tkvt100.py, import tkinter)
    built_without = frozenset(subprocess.run([python, "-c", "import importlib.util, sys; print(*(m for m in "
                                              "sys.stdlib_module_names if m != '__future__' and "
                                              "importlib.util.find_spec(m) is None))"],
                                             capture_output=True, text=True).stdout.split())
    distinct, rows = {}, {"caught": [], "missed": [], "excluded": [], "ran": []}
    for name, result in results.items():
        if not result["ok"]:
            distinct.setdefault((result["type"], result["message"], tuple(map(tuple, result["frames"]))), (name, result))
    for (kind, message, frames), (name, result) in distinct.items():
        where = f"{os.path.relpath(frames[-1][0], project)}:{frames[-1][1]}" if frames else "?"
        text = f"{kind}: {message[:120]} at {where} (import {name})"
        inner = result.get("context", [])
        if reported_at(frames, at):
            rows["caught"].append(text)
        elif served_by_dead_importer(result, root, at):
            rows["caught"].append(f"{text} [its import hook is reported: {served_by_dead_importer(result, root, at)}]")
        elif any(reported_at(c["frames"], at) for c in inner):
            rows["caught"].append(f"{text} [the failure its handler was handling is reported]")
        elif any(served_by_dead_importer(c, root, at) for c in inner):
            rows["caught"].append(f"{text} [the failure its handler was handling is reported: its import hook]")
        elif result.get("swallowed") and reported_at(result["swallowed"]["frames"], at):
            rows["caught"].append(f"{text} [the error the lazy package swallowed is reported: "
                                  f"{result['swallowed']['type']}: {result['swallowed']['message'][:80]}]")
        elif result.get("swallowed") and dependency_of(result["swallowed"], copies[1:]):
            rows["excluded"].append(f"{text} [the error the lazy package swallowed was raised in "
                                    f"{dependency_of(result['swallowed'], copies[1:])}, measured on its own row]")
        elif raised_by_put_back(result, put_back):
            rows["excluded"].append(f"{text} [raised in a module put back, which does not import here]")
        elif dependency_of(result, copies[1:]):
            rows["excluded"].append(f"{text} [raised in {dependency_of(result, copies[1:])}, measured on its own row]")
        elif name.split(".")[0] in stdlib or standard_before(name.split(".")[0]):
            rows["excluded"].append(f"{text} [a shim named as a standard module]")
        elif (result.get("missing") or "").split(".")[0] == "distutils" and imports_setuptools(root):
            rows["excluded"].append(f"{text} [distutils, which setuptools provides where it is installed]")
        elif handling_unbuilt(inner, built_without):
            rows["excluded"].append(f"{text} [raised while handling a standard module this interpreter was built without]")
        elif not handling_a_removal(inner, stdlib) and excluded(result, stdlib, built_without):
            rows["excluded"].append(f"{text} [{excluded(result, stdlib, built_without)}]")
        elif fails_before(name, kind, work, project, env):
            rows["excluded"].append(f"{text} [fails on {BEFORE} too]")
        else:
            rows["missed"].append(text)
    for name, result in results.items():
        for path, line in result["ran"] if result["ok"] else ():
            for f in at.get((str(Path(path).resolve()), line), ()):
                if f["severity"] == "error" and "code" in f and not served_back(f.get("api") or "", put_back):
                    rows["ran"].append(f"{os.path.relpath(path, project)}:{line} {f['code']} {f['api']} (import {name})")
    rows["ran"] = sorted(set(rows["ran"]))
    return {"modules": len(results), "failing": sum(not r["ok"] for r in results.values()), **rows}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cache", default=os.path.expanduser("~/.cache/outmoded-benchmarks/sdists"))
    parser.add_argument("--noise-work", default=os.path.expanduser("~/.cache/outmoded-benchmarks/noise"))
    parser.add_argument("--work", default=os.path.expanduser("~/.cache/outmoded-benchmarks/realimports"))
    parser.add_argument("--target", default="3.13")
    parser.add_argument("--only", action="append", help="NAME==VERSION (repeatable); default: all")
    parser.add_argument("--list", action="store_true", help="each failure and each finding on a line that ran")
    parser.add_argument("--put-back", type=Path, help="a folder of removed standard modules (copied from an older "
                        "standard library), last on sys.path: what fails after the first removal")
    args = parser.parse_args(argv)
    work = Path(args.work) / args.target
    work.mkdir(parents=True, exist_ok=True)
    print("| release | modules | failing imports | caught | missed | excluded | findings on lines that ran |")
    print("|---|---|---|---|---|---|---|")
    for spec in args.only or RELEASES:
        r = measure(spec, args.target, work, Path(args.cache), Path(args.noise_work), args.put_back)
        print(f"| {spec} | {r['modules']} | {r['failing']} | {len(r['caught'])} | {len(r['missed'])} | "
              f"{len(r['excluded'])} | {len(r['ran'])} |", flush=True)
        if args.list:
            for kind in ("caught", "missed", "excluded", "ran"):
                for text in r[kind]:
                    print(f"    {kind}: {text}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
