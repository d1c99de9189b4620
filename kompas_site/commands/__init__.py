"""One module per verb of the ``kompas`` command; ``kompas_site.cli`` wires them up."""
