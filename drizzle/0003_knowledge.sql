CREATE TABLE "knowledge_comment" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"post_id" uuid NOT NULL,
	"parent_id" uuid,
	"author_id" uuid NOT NULL,
	"body" text NOT NULL,
	"body_html" text NOT NULL,
	"hidden_at" timestamp with time zone,
	"hidden_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "knowledge_post" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"space_id" uuid NOT NULL,
	"author_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"body" text DEFAULT '' NOT NULL,
	"body_html" text DEFAULT '' NOT NULL,
	"url" text,
	"language" text DEFAULT 'en' NOT NULL,
	"tags" text[] DEFAULT '{}'::text[] NOT NULL,
	"accepted_comment_id" uuid,
	"hidden_at" timestamp with time zone,
	"hidden_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_activity_at" timestamp with time zone DEFAULT now() NOT NULL,
	"search" "tsvector",
	CONSTRAINT "knowledge_post_link_has_url" CHECK (("knowledge_post"."kind" = 'link') = ("knowledge_post"."url" is not null))
);
--> statement-breakpoint
CREATE TABLE "knowledge_space" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slug" text NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"audience" text NOT NULL,
	"include_alumni" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "knowledge_space_moderator" (
	"space_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	CONSTRAINT "knowledge_space_moderator_space_id_person_id_pk" PRIMARY KEY("space_id","person_id")
);
--> statement-breakpoint
CREATE TABLE "knowledge_space_partner" (
	"space_id" uuid NOT NULL,
	"partner_org_id" uuid NOT NULL,
	CONSTRAINT "knowledge_space_partner_space_id_partner_org_id_pk" PRIMARY KEY("space_id","partner_org_id")
);
--> statement-breakpoint
ALTER TABLE "knowledge_comment" ADD CONSTRAINT "knowledge_comment_post_id_knowledge_post_id_fk" FOREIGN KEY ("post_id") REFERENCES "public"."knowledge_post"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "knowledge_comment" ADD CONSTRAINT "knowledge_comment_parent_id_knowledge_comment_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."knowledge_comment"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "knowledge_comment" ADD CONSTRAINT "knowledge_comment_author_id_person_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."person"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "knowledge_post" ADD CONSTRAINT "knowledge_post_space_id_knowledge_space_id_fk" FOREIGN KEY ("space_id") REFERENCES "public"."knowledge_space"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "knowledge_post" ADD CONSTRAINT "knowledge_post_author_id_person_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."person"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "knowledge_post" ADD CONSTRAINT "knowledge_post_accepted_comment_id_knowledge_comment_id_fk" FOREIGN KEY ("accepted_comment_id") REFERENCES "public"."knowledge_comment"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "knowledge_space_moderator" ADD CONSTRAINT "knowledge_space_moderator_space_id_knowledge_space_id_fk" FOREIGN KEY ("space_id") REFERENCES "public"."knowledge_space"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "knowledge_space_moderator" ADD CONSTRAINT "knowledge_space_moderator_person_id_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."person"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "knowledge_space_partner" ADD CONSTRAINT "knowledge_space_partner_space_id_knowledge_space_id_fk" FOREIGN KEY ("space_id") REFERENCES "public"."knowledge_space"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "knowledge_space_partner" ADD CONSTRAINT "knowledge_space_partner_partner_org_id_partner_org_id_fk" FOREIGN KEY ("partner_org_id") REFERENCES "public"."partner_org"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "knowledge_comment_post_idx" ON "knowledge_comment" USING btree ("post_id","created_at");--> statement-breakpoint
CREATE INDEX "knowledge_comment_parent_idx" ON "knowledge_comment" USING btree ("parent_id");--> statement-breakpoint
CREATE INDEX "knowledge_post_feed_idx" ON "knowledge_post" USING btree ("last_activity_at","id");--> statement-breakpoint
CREATE INDEX "knowledge_post_space_idx" ON "knowledge_post" USING btree ("space_id","last_activity_at");--> statement-breakpoint
CREATE INDEX "knowledge_post_author_idx" ON "knowledge_post" USING btree ("author_id");--> statement-breakpoint
CREATE INDEX "knowledge_post_tags_idx" ON "knowledge_post" USING gin ("tags");--> statement-breakpoint
CREATE INDEX "knowledge_post_search_idx" ON "knowledge_post" USING gin ("search");--> statement-breakpoint
CREATE UNIQUE INDEX "knowledge_space_slug_idx" ON "knowledge_space" USING btree ("slug");--> statement-breakpoint
CREATE INDEX "knowledge_space_moderator_person_idx" ON "knowledge_space_moderator" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "knowledge_space_partner_org_idx" ON "knowledge_space_partner" USING btree ("partner_org_id");