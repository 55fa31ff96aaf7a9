"""Child-friendly places of a city (schools, parks, libraries, hospitals, 儿童之家) on a map."""
