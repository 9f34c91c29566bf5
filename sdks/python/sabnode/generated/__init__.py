# Generated code lives in this package: models.py (datamodel-code-generator) and resources.py
# (scripts/sdk/python_resources.py). Regenerate with `npm run sdk:generate:python`; do not edit by hand.
