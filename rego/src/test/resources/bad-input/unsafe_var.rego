package bad

p if x > 1
