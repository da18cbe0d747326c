# The two commands of the README: `make run` and `make test`.
SHELL := /bin/bash
VENV := .venv
PY := $(VENV)/bin/python
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test install demo lint messages browsers screenshots scaleout clean

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

# The screenshots of docs/editors-guide.md, taken by the staff journeys in the browser.
JOURNEYS := tests/browser/test_editor_week.py tests/browser/test_moderator_week.py \
	tests/browser/test_communications_week.py tests/browser/test_superuser_tour.py
screenshots: install
	SCREENSHOTS=$(CURDIR)/docs/editors-guide REQUIRE_BROWSER_TESTS=1 scripts/test.sh $(JOURNEYS) -q

clean:
	rm -rf $(VENV) db.sqlite3 media static_collected
