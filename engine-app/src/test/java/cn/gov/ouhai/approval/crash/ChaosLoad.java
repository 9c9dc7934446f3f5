package cn.gov.ouhai.approval.crash;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.gov.ouhai.approval.Applicants;

/**
 * The hall at rush hour, over real HTTP: {@code clients} window terminals take in food business
 * licences (食品经营许可, every material seen, the demo clerk) with request ids of their own, while the
 * demo approver and head of 市场监管 work their task lists. Every 2xx answer is recorded; a request
 * that got no answer (the platform died under it) is remembered so that it can be sent again.
 */
final class ChaosLoad {

	static final String MATTER = "SCJG-SPJY-001";

	private static final ObjectMapper JSON = new ObjectMapper();

	private static final List<String> APPROVERS = List.of("approver-scjg", "head-scjg");

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final String base;

	private final String runId;

	private final int requests;

	private final AtomicInteger next = new AtomicInteger();

	private volatile boolean stopped;

	private final List<Thread> threads = new ArrayList<>();

	/** requestId → case number, of every intake answered 201 or 200. */
	final ConcurrentMap<String, String> intakesAnswered = new ConcurrentHashMap<>();

	private final Set<String> cases = ConcurrentHashMap.newKeySet();

	/** Intakes sent that got no answer: the connection broke or was refused. */
	final Set<String> intakesUnanswered = ConcurrentHashMap.newKeySet();

	/** Answers other than 2xx, as "status body", of intakes and completions: none expected before the kill. */
	final List<String> unexpectedAnswers = Collections.synchronizedList(new ArrayList<>());

	/** task id → case number, of every completion answered 204. */
	final ConcurrentMap<String, String> completionsAnswered = new ConcurrentHashMap<>();

	final AtomicInteger completionConflicts = new AtomicInteger();

	ChaosLoad(int port, String runId, int requests) {
		this.base = "http://localhost:" + port;
		this.runId = runId;
		this.requests = requests;
	}

	void start(int clients) {
		for (int i = 0; i < clients; i++) {
			this.threads.add(started(new Thread(this::takeIn, "window-" + i)));
		}
		for (String approver : APPROVERS) {
			this.threads.add(started(new Thread(() -> work(approver), approver)));
		}
	}

	private static Thread started(Thread thread) {
		thread.start();
		return thread;
	}

	int sent() {
		return Math.min(this.next.get(), this.requests);
	}

	/** Stops sending; requests in flight end with their answer or their broken connection. */
	void stop() throws InterruptedException {
		this.stopped = true;
		for (Thread thread : this.threads) {
			thread.join();
		}
	}

	boolean intakesDone() {
		return this.next.get() >= this.requests && this.threads.stream()
			.filter(t -> t.getName().startsWith("window-"))
			.noneMatch(Thread::isAlive);
	}

	/** Sends one intake again with its request id (after the restart); answers status and case number. */
	Answer resend(String requestId) throws IOException, InterruptedException {
		return post("clerk", "/api/cases", Applicants.foodLicence(requestId));
	}

	private void takeIn() {
		int i;
		while (!this.stopped && (i = this.next.getAndIncrement()) < this.requests) {
			String requestId = this.runId + "-" + i;
			try {
				Answer answer = post("clerk", "/api/cases", Applicants.foodLicence(requestId));
				if (answer.status() == 201 || answer.status() == 200) {
					String caseNo = answer.json().get("caseNo").asText();
					this.intakesAnswered.put(requestId, caseNo);
					this.cases.add(caseNo);
				}
				else {
					this.unexpectedAnswers.add("intake " + requestId + ": " + answer);
				}
			}
			catch (IOException broken) {
				this.intakesUnanswered.add(requestId);
			}
			catch (InterruptedException e) {
				return;
			}
		}
	}

	/** Completes a few of the drill's tasks from the approver's list at a time, APPROVE at every step. */
	private void work(String approver) {
		while (!this.stopped) {
			try {
				List<JsonNode> ours = new ArrayList<>();
				for (JsonNode task : get(approver, "/api/tasks").json()) {
					if (this.cases.contains(task.path("caseNo").asText())) {
						ours.add(task);
					}
				}
				Collections.shuffle(ours, ThreadLocalRandom.current());
				for (JsonNode task : ours.subList(0, Math.min(3, ours.size()))) {
					String id = task.get("id").asText();
					Answer done = post(approver, "/api/tasks/" + id + "/complete",
							Map.of("decision", "APPROVE", "opinion", "演练：审查通过"));
					if (done.status() == 204) {
						this.completionsAnswered.put(id, task.get("caseNo").asText());
					}
					else if (done.status() == 409) {
						this.completionConflicts.incrementAndGet();
					}
					else {
						this.unexpectedAnswers.add("complete " + id + " by " + approver + ": " + done);
					}
				}
				if (ours.isEmpty()) {
					Thread.sleep(200);
				}
			}
			catch (IOException broken) {
				// the platform is gone; the drill stops us
				sleepQuietly();
			}
			catch (InterruptedException e) {
				return;
			}
		}
	}

	private static void sleepQuietly() {
		try {
			Thread.sleep(200);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

	private Answer get(String user, String path) throws IOException, InterruptedException {
		return send(user, HttpRequest.newBuilder(URI.create(this.base + path)).GET());
	}

	private Answer post(String user, String path, Object body) throws IOException, InterruptedException {
		return send(user, HttpRequest.newBuilder(URI.create(this.base + path))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body))));
	}

	private Answer send(String user, HttpRequest.Builder request) throws IOException, InterruptedException {
		request.timeout(Duration.ofSeconds(60))
			.header("Authorization", "Basic " + Base64.getEncoder()
				.encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)));
		HttpResponse<String> response = this.http.send(request.build(),
				HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		return new Answer(response.statusCode(), response.body());
	}

	record Answer(int status, String body) {

		JsonNode json() throws IOException {
			return JSON.readTree(this.body);
		}

		@Override
		public String toString() {
			return this.status + " " + (this.body.length() > 300 ? this.body.substring(0, 300) + "…" : this.body);
		}

	}

}
