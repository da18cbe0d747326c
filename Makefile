# The two commands of the README: `make run` and `make test`.
SHELL := /bin/bash
VENV := .venv
PY := $(VENV)/bin/python
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test install demo lint messages browsers scaleout clean

$(PY):
	python_bin="$$(scripts/find-python.sh)" && echo "Using $$python_bin" && "$$python_bin" -m venv $(VENV)

$(VENV)/.installed: $(PY) pyproject.toml constraints.txt
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -c constraints.txt -e '.[dev]'
	touch $@

install: $(VENV)/.installed

demo: install
	$(PY) manage.py migrate --noinput
	$(PY) manage.py load_demo_content
	$(PY) manage.py ensure_admin

run: demo
	$(PY) manage.py runserver $(HOST):$(PORT)

test: install
	scripts/test.sh

scaleout: install
	scripts/scaleout.sh

lint: install
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .

messages: install
	cd $(CURDIR) && $(PY) manage.py makemessages -l nl --no-location --no-obsolete -i '.venv/*' -i 'tests/*' -i 'bench/*'
	$(PY) manage.py compilemessages -l nl --ignore '.venv/*'

browsers:
	scripts/install-chromium.sh

clean:
	rm -rf $(VENV) db.sqlite3 media static_collected
