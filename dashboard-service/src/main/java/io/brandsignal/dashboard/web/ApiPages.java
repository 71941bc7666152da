package io.brandsignal.dashboard.web;

import java.util.List;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * How the dashboard's list APIs page: {@code limit} and {@code offset} checked the same way everywhere, and an
 * answer that says how many there are ({@code X-Total-Count}) and where the next page is ({@code Link
 * rel=next}).
 */
public final class ApiPages {

	private ApiPages() {
	}

	/**
	 * @throws BadRequestException when {@code limit} is outside 1..{@code maxLimit} or {@code offset} is negative
	 */
	public static void requireValid(int limit, int offset, int maxLimit) {
		if (limit < 1 || limit > maxLimit) {
			throw new BadRequestException("invalid-limit", "Invalid limit",
					"'limit' must be between 1 and " + maxLimit + ".");
		}
		if (offset < 0) {
			throw new BadRequestException("invalid-offset", "Invalid offset", "'offset' must not be negative.");
		}
	}

	/** One page of {@code total} items, read at {@code offset} with {@code limit}. */
	public static <T> ResponseEntity<List<T>> answer(List<T> page, int total, int limit, int offset) {
		ResponseEntity.BodyBuilder response = ResponseEntity.ok().header("X-Total-Count", Integer.toString(total));
		// long: an offset near Integer.MAX_VALUE plus the limit must not wrap around
		if ((long) offset + limit < total) {
			String next = ServletUriComponentsBuilder.fromCurrentRequest()
				.replaceQueryParam("limit", limit)
				.replaceQueryParam("offset", offset + limit)
				.build()
				.toUriString();
			response.header(HttpHeaders.LINK, "<" + next + ">; rel=\"next\"");
		}
		return response.body(page);
	}

}
