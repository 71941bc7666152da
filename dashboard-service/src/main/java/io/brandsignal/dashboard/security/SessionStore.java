package io.brandsignal.dashboard.security;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.MapSession;
import org.springframework.session.Session;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.jdbc.config.annotation.web.http.EnableJdbcHttpSession;

/**
 * People's login sessions: kept in PostgreSQL by Spring Session JDBC, so every dashboard instance knows every
 * login (V2__http_sessions.sql; expired ones are deleted once a minute), and read and written sparingly. As
 * Spring Session ships it, each request of a logged-in person read the session's row and its attributes
 * (Java-serialized), then ran a transaction writing the access time back: with 20 readers that held an
 * instance at about 550 requests/s with the brand page's p99 at 89-112 ms, against 896 requests/s and 45 ms
 * with sessions in memory (dashboard-service/BENCHMARK.md). Here:
 * <ul>
 * <li>a session is written only when it is new or something besides its access time changed (an attribute, its
 * id at login, its timeout), or when its stored access time is more than {@link #ACCESS_TIME_RESOLUTION} old,
 * so an idle session expires at most that much before its 30 minutes;</li>
 * <li>a session read from the database is kept for {@link #READ_CACHE_TIME} and served to the requests of that
 * time as copies; a change loads the stored session first and writes through. A logout on this instance
 * ends the session at once; on another instance this one honours its cookie for at most that long.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
@EnableJdbcHttpSession
class SessionStore {

	/** How stale the stored access time of a session may grow before a request writes it again. */
	static final Duration ACCESS_TIME_RESOLUTION = Duration.ofMinutes(1);

	/** How long a session read from the database serves the requests that follow. */
	static final Duration READ_CACHE_TIME = Duration.ofSeconds(1);

	/** The most sessions kept read at once. */
	private static final int READ_CACHE_SESSIONS = 10_000;

	/** The repository Spring Session's filter uses: the JDBC one, read and written sparingly. */
	@Bean
	@Primary
	SparingSessions sparingSessions(JdbcIndexedSessionRepository sessions) {
		return new SparingSessions(sessions);
	}

	/** The JDBC session repository behind a short read cache, saving a session only when it changed. */
	static final class SparingSessions implements FindByIndexNameSessionRepository<SparingSessions.RequestSession> {

		/** The JDBC repository, typed by the interface its sessions implement (their own class is not public). */
		private final FindByIndexNameSessionRepository<Session> stored;

		/** Sessions as last read from the database, never handed out themselves: each request gets a copy. */
		private final Cache<String, MapSession> read = Caffeine.newBuilder()
			.expireAfterWrite(READ_CACHE_TIME)
			.maximumSize(READ_CACHE_SESSIONS)
			.build();

		@SuppressWarnings("unchecked")
		SparingSessions(JdbcIndexedSessionRepository stored) {
			// only sessions this repository created or found are ever handed back to it
			this.stored = (FindByIndexNameSessionRepository<Session>) (FindByIndexNameSessionRepository<?>) stored;
		}

		@Override
		public RequestSession createSession() {
			RequestSession created = new RequestSession(this.stored.createSession());
			created.mustSave = true;
			return created;
		}

		@Override
		public void save(RequestSession session) {
			if (session.mustSave && session.writable != null) {
				this.stored.save(session.writable);
				session.mustSave = false;
				this.read.invalidate(session.readId);
				this.read.invalidate(session.writable.getId());
			}
		}

		@Override
		public RequestSession findById(String id) {
			MapSession known = this.read.getIfPresent(id);
			if (known != null) {
				return known.isExpired() ? null : new RequestSession(id, new MapSession(known));
			}
			Session session = this.stored.findById(id);
			if (session == null) {
				return null;
			}
			this.read.put(id, new MapSession(session));
			return new RequestSession(session);
		}

		@Override
		public void deleteById(String id) {
			this.stored.deleteById(id);
			this.read.invalidate(id);
		}

		@Override
		public Map<String, RequestSession> findByIndexNameAndIndexValue(String indexName, String indexValue) {
			Map<String, RequestSession> found = new LinkedHashMap<>();
			this.stored.findByIndexNameAndIndexValue(indexName, indexValue)
				.forEach((id, session) -> found.put(id, new RequestSession(session)));
			return found;
		}

		/**
		 * One request's session: a copy of the one read recently, or the stored session itself, which a change
		 * loads first (so it is written from what the database holds, not from the copy).
		 */
		final class RequestSession implements Session {

			/** The id the request asked for. */
			private final String readId;

			/** What the request reads until it changes something. */
			private final Session view;

			/** The stored session, once loaded; {@code null} before the first change of a copy. */
			private Session writable;

			/** Whether the session was deleted since it was read; its changes are then dropped. */
			private boolean gone;

			private boolean mustSave;

			/** The stored session itself. */
			RequestSession(Session stored) {
				this.readId = stored.getId();
				this.view = stored;
				this.writable = stored;
			}

			/** A copy of a session read recently. */
			RequestSession(String readId, MapSession copy) {
				this.readId = readId;
				this.view = copy;
			}

			/** The stored session, to change; {@code null} when it was deleted meanwhile. */
			private Session writable() {
				if (this.writable == null && !this.gone) {
					this.writable = SparingSessions.this.stored.findById(this.readId);
					this.gone = (this.writable == null);
				}
				if (this.writable != null) {
					this.mustSave = true;
				}
				return this.writable;
			}

			/** Applies a change to the stored session; dropped when the session was deleted meanwhile. */
			private void change(Consumer<Session> change) {
				Session session = writable();
				if (session != null) {
					change.accept(session);
				}
			}

			private Session current() {
				return (this.writable != null) ? this.writable : this.view;
			}

			/** Records the access only once the stored access time is older than the resolution. */
			@Override
			public void setLastAccessedTime(Instant lastAccessedTime) {
				if (Duration.between(current().getLastAccessedTime(), lastAccessedTime)
					.compareTo(ACCESS_TIME_RESOLUTION) > 0) {
					change((session) -> session.setLastAccessedTime(lastAccessedTime));
				}
			}

			@Override
			public String changeSessionId() {
				change(Session::changeSessionId);
				return current().getId();
			}

			@Override
			public void setAttribute(String name, Object value) {
				change((session) -> session.setAttribute(name, value));
			}

			@Override
			public void removeAttribute(String name) {
				change((session) -> session.removeAttribute(name));
			}

			@Override
			public void setMaxInactiveInterval(Duration interval) {
				if (!interval.equals(current().getMaxInactiveInterval())) {
					change((session) -> session.setMaxInactiveInterval(interval));
				}
			}

			@Override
			public String getId() {
				return current().getId();
			}

			@Override
			public <T> T getAttribute(String name) {
				return current().getAttribute(name);
			}

			@Override
			public Set<String> getAttributeNames() {
				return current().getAttributeNames();
			}

			@Override
			public Instant getCreationTime() {
				return current().getCreationTime();
			}

			@Override
			public Instant getLastAccessedTime() {
				return current().getLastAccessedTime();
			}

			@Override
			public Duration getMaxInactiveInterval() {
				return current().getMaxInactiveInterval();
			}

			@Override
			public boolean isExpired() {
				return current().isExpired();
			}

		}

	}

}
