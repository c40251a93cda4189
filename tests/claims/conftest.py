"""The household the claim tests start from: one insured person, mutuelle linked by NOEMIE."""

import pytest

from tests.claims.test_claims_cli import NIR, run


@pytest.fixture
def household(data_dir, capsys):
    d = ["--data-dir", str(data_dir)]
    assert run(capsys, *d, "person", "add", "--name", "Claire Martin", "--nir", NIR,
               "--birth-date", "1985-07-04", "--sex", "F", "--medecin-traitant", "yes",
               "--mutuelle", "Harmonie", "--noemie", "yes", "--guarantees", "default=100% BR",
               "--iban", "FR1420041010050500013M02606")[0] == 0
    return d
