#!/usr/bin/env bash
# Builds a small git repository that shows what `airlock check` catches: a Python chat service with
# a key leaked in history (then "deleted"), a committed .env, unpinned dependencies, a root Dockerfile
# on :latest, an environment variable nobody declares, and a Git LFS pointer where a model should be.
# Some rows pass too (a pinned runtime, a declared variable, pinned requirements).
# Usage: samples/launch-fixture/create.sh DIR   (DIR must not exist or be empty)
set -euo pipefail
dir="${1:?usage: create.sh DIR}"
if [ -e "$dir" ] && [ -n "$(ls -A "$dir" 2>/dev/null)" ]; then
  echo "create.sh: '$dir' exists and is not empty; pick a new folder." >&2
  exit 2
fi
mkdir -p "$dir"
cd "$dir"

# Fake but realistic-looking keys, derived from fixed seeds so the fixture is reproducible and no key
# text is stored in Airlock's own repository.
hex() { printf '%s' "$1" | sha256sum | cut -c1-"$2"; }
alnum() { printf '%s' "$1" | sha512sum | cut -c1-"$2" | tr '0-9a-f' 'aB3dE5gH7jK9mNpQ'; }
openai_key="sk-proj-$(alnum openai-1 20)$(alnum openai-2 20)T3Blbk""FJ$(alnum openai-3 20)$(alnum openai-4 20)"
aws_id="AKIA$(printf '%s' aws-id | sha512sum | cut -c1-16 | tr '0-9a-f' 'QWERTYUPASDFGHJK')"

export GIT_AUTHOR_NAME="Dana Dev" GIT_AUTHOR_EMAIL="dana@example.com"
export GIT_COMMITTER_NAME="Dana Dev" GIT_COMMITTER_EMAIL="dana@example.com"
n=0
commit() {
  n=$((n + 1))
  export GIT_AUTHOR_DATE="2026-11-0${n}T10:00:00Z" GIT_COMMITTER_DATE="2026-11-0${n}T10:00:00Z"
  git add -A && git commit -q -m "$1"
}

git init -q -b main
cat > app.py <<'PY'
import os

from flask import Flask

app = Flask(__name__)
OPENAI_API_KEY = os.environ["OPENAI_API_KEY"]
DATABASE_URL = os.environ["DATABASE_URL"]
GREETING = os.getenv("GREETING", "Hello")


@app.get("/health")
def health():
    return {"status": "ok"}
PY
printf 'flask>=2.0\nrequests==2.31.0\n' > requirements.txt
printf '3.12.7\n' > .python-version
printf 'OPENAI_API_KEY=\n' > .env.example
cat > Dockerfile <<'DOCKER'
FROM python:latest
WORKDIR /app
COPY . .
RUN pip install -r requirements.txt
CMD ["python", "-m", "flask", "run", "--host=0.0.0.0"]
DOCKER
commit "Chat service skeleton"

printf 'OPENAI_API_KEY=%s\n' "$openai_key" > .env
printf 'AWS_ACCESS_KEY_ID = "%s"\n' "$aws_id" > settings.py
commit "Wire up the model and storage"

rm .env settings.py
printf '.env\n' > .gitignore
commit "Remove keys (they are in the server env now)"

mkdir -p models
printf 'version https://git-lfs.github.com/spec/v1\noid sha256:%s\nsize 48213011\n' "$(hex model 64)" > models/classifier.bin
printf 'models/*.bin filter=lfs diff=lfs merge=lfs -text\n' > .gitattributes
commit "Add the intent classifier"

echo "created $dir: $(git rev-list --count HEAD) commits; now run: ./airlock check $dir"
