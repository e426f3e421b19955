"""``python -m amcalc.serialization``: write the published JSON Schemas of every type."""

from amcalc.serialization.publish import write_schemas

for path in write_schemas():
    print(path.name)
