// msgpackr loads this inside try/catch and falls back to its JavaScript decoder.
throw new Error('msgpackr-extract is not installed: msgpackr uses its JavaScript decoder');
